import { canChangeLoginData, canSeeContact, isAdmin, type EmployeeLike } from './employee';

/**
 * Second factors (R-A7). With the tenant's setting "Zwei-Faktor-Anmeldung für Mitarbeiter verpflichtend",
 * an employee without a factor may do nothing but set one up: no page, action or route handler of the
 * advisor area (lib/auth/current.ts, lib/actions/define.ts, lib/request/ctx.ts ask this function).
 */
export function mustSetUpFactor(
  account: { kind: 'employee' | 'client' },
  tenant: { requireEmployeeMfa: boolean },
  hasFactor: boolean,
): boolean {
  return account.kind === 'employee' && tenant.requireEmployeeMfa && !hasFactor;
}

/**
 * May remove a second factor (the authenticator app, a passkey): not an employee held to factors by the tenant,
 * unless another factor stays (`othersLeft`: the factors the account keeps afterwards).
 */
export function maySwitchOffFactor(
  account: { kind: 'employee' | 'client' },
  tenant: { requireEmployeeMfa: boolean },
  othersLeft = 0,
) {
  return !(account.kind === 'employee' && tenant.requireEmployeeMfa) || othersLeft > 0;
}

/** Passkeys in "Mein Zugang" (add, rename, remove): only one's own, of the signed-in account. */
export function mayManagePasskey(actor: { id: string }, passkey: { userId: string }) {
  return passkey.userId === actor.id;
}

/** Resets an employee's lost second factor: admins, for another employee of the tenant (not for themselves). */
export function mayResetEmployeeFactor(actor: EmployeeLike, target: { id: string; kind: 'employee' | 'client' }) {
  return isAdmin(actor) && target.kind === 'employee' && target.id !== actor.id;
}

/**
 * Resets a client's lost second factor: whoever may change the client's login data (the same right: with it
 * one could take the account over) and sees the contact; the PIN check is the verb's (lib/auth/factors/reset.ts).
 */
export function mayResetClientFactor(actor: EmployeeLike, contact: { advisorId: string | null }) {
  return canChangeLoginData(actor) && canSeeContact(actor, contact);
}

/** The tenant setting itself (EINSTELLUNGEN): admins. */
export function mayRequireEmployeeFactor(actor: EmployeeLike) {
  return isAdmin(actor);
}
