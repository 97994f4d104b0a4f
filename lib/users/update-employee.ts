import { and, eq, sql } from 'drizzle-orm';
import { isAdmin } from '../access/employee';
import { requireUsersRight } from '../access/require';
import { audit } from '../audit';
import { withTransaction, type Ctx } from '../ctx';
import { users } from '../db/schema';
import { employeeNotFound, lastAdmin, lockAdmins, mapEmailTaken, notYourself, otherActiveAdmins } from './checks';
import { rightsOf, type UpdateEmployeeInput } from './schemas';

/** Edit master data, role, rights and scope. The last admin cannot be demoted, nobody demotes themselves. */
export async function updateEmployee(ctx: Ctx, input: UpdateEmployeeInput): Promise<void> {
  const { actor, tenant } = ctx;
  const { id } = input;
  requireUsersRight(actor, 'users.errors.adminsOnly');
  const rights = rightsOf(input);
  await withTransaction(ctx, async (tx) => {
    await lockAdmins(tx);
    const [current] = await tx.db
      .select({ id: users.id, kind: users.kind, role: users.role })
      .from(users)
      .where(and(eq(users.tenantId, tenant.id), eq(users.kind, 'employee'), eq(users.id, id)));
    if (!current) throw employeeNotFound();
    if (isAdmin(current) && input.role !== 'admin') {
      if (id === actor.id) throw notYourself('users.errors.selfDemote', 'role');
      if ((await otherActiveAdmins(tx, id)) === 0) throw lastAdmin('users.errors.lastAdminDemote', 'role');
    }
    await tx.db
      .update(users)
      .set({
        salutation: input.salutation,
        firstName: input.firstName,
        lastName: input.lastName,
        birthDate: input.birthDate,
        email: input.email,
        employeeType: input.employeeType,
        role: input.role,
        rights,
        scope: input.scope,
        updatedAt: sql`now()`,
      })
      .where(and(eq(users.tenantId, tenant.id), eq(users.id, id)));
    await audit(tx.db, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: actor.id,
      action: 'user.updated',
      targetType: 'user',
      targetId: id,
      meta: { role: input.role, rights, scope: input.scope },
    });
  }).catch(mapEmailTaken);
}
