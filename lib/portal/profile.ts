import { and, eq, sql } from 'drizzle-orm';
import { rightsOf } from '../access/freigaben';
import { requireRight } from '../access/require';
import { audit } from '../audit';
import { withTransaction, type Ctx } from '../ctx';
import { contactProfiles, users } from '../db/schema';
import { grantsOf } from '../grants/load';
import type { OwnProfileInput } from './schemas';

export type OwnProfile = {
  salutation: string | null;
  title: string | null;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  email: string;
  username: string;
  phone: string | null;
  mobile: string | null;
  street: string | null;
  zip: string | null;
  city: string | null;
};

/** PROFIL: the signed-in client's own master data (nobody else's; employees get null). */
export async function getOwnProfile(ctx: Ctx): Promise<OwnProfile | null> {
  if (ctx.actor.kind !== 'client') return null;
  const [row] = await ctx.db
    .select({
      salutation: users.salutation,
      title: users.title,
      firstName: users.firstName,
      lastName: users.lastName,
      birthDate: users.birthDate,
      email: users.email,
      username: users.username,
      phone: contactProfiles.phone,
      mobile: contactProfiles.mobile,
      street: contactProfiles.street,
      zip: contactProfiles.zip,
      city: contactProfiles.city,
    })
    .from(users)
    .leftJoin(contactProfiles, and(eq(contactProfiles.tenantId, users.tenantId), eq(contactProfiles.userId, users.id)))
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.kind, 'client'), eq(users.id, ctx.actor.id)));
  return row ?? null;
}

/**
 * PROFIL bearbeiten by the client: only with the write right on PROFIL; audited with the changed fields'
 * names (the contact's activity shows them in the reader's language).
 */
export async function updateOwnProfile(ctx: Ctx, input: OwnProfileInput): Promise<void> {
  const { actor, tenant } = ctx;
  requireRight(actor.kind === 'client', 'portal.errors.clientsOnly');
  await withTransaction(ctx, async (tx) => {
    requireRight(rightsOf(await grantsOf(tx, actor.id), 'profile').mayCreateEditOwn, 'portal.errors.profileForbidden');
    const [before] = await tx.db
      .select({
        phone: contactProfiles.phone,
        mobile: contactProfiles.mobile,
        street: contactProfiles.street,
        zip: contactProfiles.zip,
        city: contactProfiles.city,
      })
      .from(contactProfiles)
      .where(and(eq(contactProfiles.tenantId, tenant.id), eq(contactProfiles.userId, actor.id)));
    const fields = (Object.keys(input) as (keyof OwnProfileInput)[]).filter((k) => (before?.[k] ?? null) !== input[k]);
    if (fields.length === 0) return;
    await tx.db
      .insert(contactProfiles)
      .values({ tenantId: tenant.id, userId: actor.id, ...input })
      .onConflictDoUpdate({ target: contactProfiles.userId, set: { ...input, updatedAt: sql`now()` } });
    await audit(tx.db, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: actor.id,
      action: 'contact.profile.changed_by_client',
      targetType: 'contact',
      targetId: actor.id,
      meta: { fields },
    });
  });
}
