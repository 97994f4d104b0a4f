import { and, eq } from 'drizzle-orm';
import { requireUsersRight } from '../access/require';
import { audit } from '../audit';
import { sendPasswordLink } from '../auth/links';
import { withTransaction, type Ctx } from '../ctx';
import { users } from '../db/schema';
import { DomainError } from '../errors';
import { employeeNotFound } from './checks';
import type { EmployeeId } from './schemas';

/** Einladung erneut senden: a new PASSWORT-MAIL #1; the older link stops working. */
export async function resendInvitation(ctx: Ctx, { id }: EmployeeId): Promise<void> {
  const { actor, tenant } = ctx;
  requireUsersRight(actor, 'users.errors.adminsOnly');
  await withTransaction(ctx, async (tx) => {
    const [user] = await tx.db
      .select({
        id: users.id,
        email: users.email,
        firstName: users.firstName,
        status: users.status,
        locale: users.locale,
      })
      .from(users)
      .where(and(eq(users.tenantId, tenant.id), eq(users.kind, 'employee'), eq(users.id, id)));
    if (!user) throw employeeNotFound();
    if (user.status !== 'invited')
      throw new DomainError('conflict', 'users.errors.notInvited', { detail: { reason: 'state' } });
    await sendPasswordLink(tx, user, 'invite');
    await audit(tx.db, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: actor.id,
      action: 'user.invitation.resent',
      targetType: 'user',
      targetId: id,
    });
  });
}
