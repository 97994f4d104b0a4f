import { and, eq, inArray } from 'drizzle-orm';
import { canSeeContact } from '../access/employee';
import type { ContactFacts } from '../access/folder';
import type { Ctx } from '../ctx';
import { contactProfiles, users } from '../db/schema';
import { DomainError } from '../errors';

export interface ContactBasics extends ContactFacts {
  firstName: string;
  lastName: string;
}

/**
 * The contact (a client of this tenant) with the BETREUER the scope rule needs. Clients reach only
 * themselves; employees only contacts their scope allows (else `not_found`: nothing is revealed). What the
 * actor may do with the contact's folder or tickets is then decided by lib/access on these facts.
 */
export async function contactFacts(ctx: Ctx, contactId: string): Promise<ContactBasics> {
  const { actor } = ctx;
  if (actor.kind === 'client' && actor.id !== contactId) throw new DomainError('not_found', 'contacts.errors.notFound');
  const [row] = await ctx.db
    .select({
      id: users.id,
      advisorId: contactProfiles.advisorId,
      firstName: users.firstName,
      lastName: users.lastName,
    })
    .from(users)
    .leftJoin(contactProfiles, and(eq(contactProfiles.tenantId, users.tenantId), eq(contactProfiles.userId, users.id)))
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.kind, 'client'), eq(users.id, contactId)))
    .limit(1);
  if (!row) throw new DomainError('not_found', 'contacts.errors.notFound');
  const facts = { ...row, advisorId: row.advisorId ?? null };
  if (actor.kind === 'employee' && !canSeeContact(actor, facts))
    throw new DomainError('not_found', 'contacts.errors.notFound');
  return facts;
}

/**
 * `contactFacts` for many contacts at once (bulk writers such as the import): the reachable ones by id; an id
 * missing from the map is `not_found` for this actor (other tenant, not a client, outside the scope).
 */
export async function contactFactsMany(ctx: Ctx, contactIds: string[]): Promise<Map<string, ContactBasics>> {
  const out = new Map<string, ContactBasics>();
  const ids = [...new Set(contactIds)];
  if (ids.length === 0) return out;
  const rows = await ctx.db
    .select({
      id: users.id,
      advisorId: contactProfiles.advisorId,
      firstName: users.firstName,
      lastName: users.lastName,
    })
    .from(users)
    .leftJoin(contactProfiles, and(eq(contactProfiles.tenantId, users.tenantId), eq(contactProfiles.userId, users.id)))
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.kind, 'client'), inArray(users.id, ids)));
  for (const row of rows) {
    const facts = { ...row, advisorId: row.advisorId ?? null };
    if (ctx.actor.kind === 'client' && ctx.actor.id !== row.id) continue;
    if (ctx.actor.kind === 'employee' && !canSeeContact(ctx.actor, facts)) continue;
    out.set(row.id, facts);
  }
  return out;
}
