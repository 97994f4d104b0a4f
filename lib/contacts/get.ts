import { and, eq } from 'drizzle-orm';
import { canSeeContact } from '../access/employee';
import { latestLinkState } from '../auth/tokens';
import type { Ctx } from '../ctx';
import { contactProfiles, users } from '../db/schema';

export interface ContactDetail {
  id: string;
  salutation: string | null;
  title: string | null;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  email: string;
  username: string;
  status: string;
  phone: string | null;
  mobile: string | null;
  street: string | null;
  zip: string | null;
  city: string | null;
  advisorId: string | null;
  note: string | null;
  createdAt: Date;
  lead: boolean;
  leadTopic: string | null;
  leadMessage: string | null;
  archivedAt: Date | null;
  link: 'none' | 'open' | 'burned' | 'expired' | 'used';
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The contact page: one contact, or null when it does not exist in this tenant or the reader may not see it. */
export async function getContact(ctx: Ctx, id: string): Promise<ContactDetail | null> {
  if (!uuid.test(id)) return null;
  const [row] = await ctx.db
    .select({
      id: users.id,
      salutation: users.salutation,
      title: users.title,
      firstName: users.firstName,
      lastName: users.lastName,
      birthDate: users.birthDate,
      email: users.email,
      username: users.username,
      status: users.status,
      createdAt: users.createdAt,
      phone: contactProfiles.phone,
      mobile: contactProfiles.mobile,
      street: contactProfiles.street,
      zip: contactProfiles.zip,
      city: contactProfiles.city,
      advisorId: contactProfiles.advisorId,
      note: contactProfiles.note,
      lead: contactProfiles.lead,
      leadTopic: contactProfiles.leadTopic,
      leadMessage: contactProfiles.leadMessage,
      archivedAt: contactProfiles.archivedAt,
    })
    .from(users)
    .leftJoin(contactProfiles, and(eq(contactProfiles.tenantId, users.tenantId), eq(contactProfiles.userId, users.id)))
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.kind, 'client'), eq(users.id, id)));
  if (!row || !canSeeContact(ctx.actor, { advisorId: row.advisorId })) return null;
  return { ...row, lead: row.lead ?? false, link: await latestLinkState(ctx.db, ctx.tenant.id, id) };
}
