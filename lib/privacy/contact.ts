import { and, eq } from 'drizzle-orm';
import { canSeeContact } from '../access/employee';
import type { Ctx } from '../ctx';
import { contactProfiles, users } from '../db/schema';
import { DomainError } from '../errors';

export const contactNotFound = () => new DomainError('not_found', 'privacy.errors.notFound');

/**
 * The contact to delete or archive, locked for the rest of the transaction (two deletions or a deletion
 * and an archiving never interleave). Out of the employee's scope reads as not found.
 */
export async function lockedContact(ctx: Ctx, contactId: string) {
  const [row] = await ctx.db
    .select({
      id: users.id,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
      username: users.username,
      status: users.status,
      advisorId: contactProfiles.advisorId,
    })
    .from(users)
    .leftJoin(contactProfiles, and(eq(contactProfiles.tenantId, users.tenantId), eq(contactProfiles.userId, users.id)))
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.kind, 'client'), eq(users.id, contactId)))
    .for('update', { of: users });
  if (!row || !canSeeContact(ctx.actor, { advisorId: row.advisorId ?? null })) throw contactNotFound();
  return row;
}
