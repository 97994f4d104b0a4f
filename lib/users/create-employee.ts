import { requireUsersRight } from '../access/require';
import { audit } from '../audit';
import { sendPasswordLink } from '../auth/links';
import { withTransaction, type Ctx } from '../ctx';
import { mapEmailTaken } from './checks';
import { createAccount } from './create';
import { rightsOf, type EmployeeInput } from './schemas';

/** BENUTZER ERSTELLEN: the account plus PASSWORT-MAIL #1 at once, in one transaction (admins only). */
export async function createEmployee(ctx: Ctx, input: EmployeeInput): Promise<{ id: string }> {
  const { actor, tenant } = ctx;
  requireUsersRight(actor, 'users.errors.adminsOnly');
  const rights = rightsOf(input);
  return withTransaction(ctx, async (tx) => {
    const user = await createAccount(tx.db, {
      tenantId: tenant.id,
      kind: 'employee',
      role: input.role,
      email: input.email,
      firstName: input.firstName,
      lastName: input.lastName,
      salutation: input.salutation,
      birthDate: input.birthDate,
      employeeType: input.employeeType,
      rights,
      scope: input.scope,
      status: 'invited',
    });
    await sendPasswordLink(tx, user, 'invite');
    await audit(tx.db, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: actor.id,
      action: 'user.created',
      targetType: 'user',
      targetId: user.id,
      meta: { role: input.role, rights, scope: input.scope },
    });
    return { id: user.id };
  }).catch(mapEmailTaken);
}
