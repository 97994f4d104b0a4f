import { and, eq } from 'drizzle-orm';
import { canSeeContact } from '../access/employee';
import type { Ctx } from '../ctx';
import { contactProfiles, users } from '../db/schema';
import { DomainError } from '../errors';

/** The building blocks the contact verbs share: who may be BETREUER, the locked row, the e-mail clash. */

export const contactNotFound = () => new DomainError('not_found', 'contacts.errors.notFound');

/** A BETREUER must be an employee of this tenant (a crafted form value naming anybody else is refused). */
export async function assertAdvisor(ctx: Ctx, advisorId: string | null): Promise<void> {
  if (!advisorId) return;
  const [row] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.kind, 'employee'), eq(users.id, advisorId)));
  if (!row)
    throw new DomainError('invalid', 'contacts.errors.advisor', { field: 'advisorId', detail: { reason: 'advisor' } });
}

/** The contact's row, locked for the change (call inside a transaction), if the employee may see it. */
export async function lockedContact(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select({
      id: users.id,
      status: users.status,
      email: users.email,
      firstName: users.firstName,
      birthDate: users.birthDate,
      locale: users.locale,
      advisorId: contactProfiles.advisorId,
    })
    .from(users)
    .leftJoin(contactProfiles, and(eq(contactProfiles.tenantId, users.tenantId), eq(contactProfiles.userId, users.id)))
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.kind, 'client'), eq(users.id, id)))
    .for('update', { of: users });
  if (!row || !canSeeContact(ctx.actor, { advisorId: row.advisorId ?? null })) throw contactNotFound();
  return row;
}
export type LockedContact = Awaited<ReturnType<typeof lockedContact>>;

/** One e-mail address is one account per tenant, employees and contacts alike. */
export { mapEmailTaken } from '../users/checks';
