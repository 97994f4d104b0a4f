/** Names for the entries of one page of the FRISTEN list (only the page's entries get names). */
import { and, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../ctx';
import { contactProfiles, contracts, users } from '../db/schema';

/** Contact, BETREUER and contract words for the entries of one page. */
export async function pageDetails(ctx: Ctx, contractIds: string[]) {
  if (contractIds.length === 0) return new Map<string, Details>();
  const advisor = alias(users, 'deadline_advisor');
  const rows = await ctx.db
    .select({
      id: contracts.id,
      provider: contracts.provider,
      number: contracts.number,
      contactFirst: users.firstName,
      contactLast: users.lastName,
      advisorFirst: advisor.firstName,
      advisorLast: advisor.lastName,
    })
    .from(contracts)
    .innerJoin(users, and(eq(users.tenantId, contracts.tenantId), eq(users.id, contracts.contactId)))
    .leftJoin(
      contactProfiles,
      and(eq(contactProfiles.tenantId, contracts.tenantId), eq(contactProfiles.userId, contracts.contactId)),
    )
    .leftJoin(advisor, and(eq(advisor.tenantId, contactProfiles.tenantId), eq(advisor.id, contactProfiles.advisorId)))
    .where(and(eq(contracts.tenantId, ctx.tenant.id), inArray(contracts.id, contractIds)));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        provider: r.provider,
        number: r.number,
        contactName: `${r.contactFirst} ${r.contactLast}`,
        advisorName: r.advisorFirst ? `${r.advisorFirst} ${r.advisorLast}` : null,
      },
    ]),
  );
}

export interface Details {
  provider: string | null;
  number: string | null;
  contactName: string;
  advisorName: string | null;
}
