import { and, eq, sql } from 'drizzle-orm';
import { isAdmin } from '../access/employee';
import { requireUsersRight } from '../access/require';
import { audit } from '../audit';
import { revokeUserSessions } from '../auth/sessions';
import { withTransaction, type Ctx } from '../ctx';
import { users } from '../db/schema';
import { employeeNotFound, lastAdmin, lockAdmins, notYourself, otherActiveAdmins } from './checks';
import type { LockEmployeeInput } from './schemas';

/** Sperren ends every session at once; Entsperren restores the previous state (active or invited). */
export async function setEmployeeLocked(ctx: Ctx, { id, locked }: LockEmployeeInput): Promise<void> {
  const { actor, tenant } = ctx;
  requireUsersRight(actor, 'users.errors.adminsOnly');
  await withTransaction(ctx, async (tx) => {
    await lockAdmins(tx);
    const [current] = await tx.db
      .select({
        id: users.id,
        kind: users.kind,
        role: users.role,
        status: users.status,
        passwordHash: users.passwordHash,
      })
      .from(users)
      .where(and(eq(users.tenantId, tenant.id), eq(users.kind, 'employee'), eq(users.id, id)));
    if (!current) throw employeeNotFound();
    if (locked) {
      if (id === actor.id) throw notYourself('users.errors.selfLock');
      if (isAdmin(current) && (await otherActiveAdmins(tx, id)) === 0) throw lastAdmin('users.errors.lastAdminLock');
    }
    const status = locked ? 'locked' : current.passwordHash ? 'active' : 'invited';
    await tx.db
      .update(users)
      .set({ status, updatedAt: sql`now()` })
      .where(and(eq(users.tenantId, tenant.id), eq(users.id, id)));
    if (locked) await revokeUserSessions(tx.db, tenant.id, id);
    await audit(tx.db, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: actor.id,
      action: locked ? 'user.locked' : 'user.unlocked',
      targetType: 'user',
      targetId: id,
    });
  });
}
