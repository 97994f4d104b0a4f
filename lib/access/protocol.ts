import { isAdmin, type EmployeeLike } from './employee';

/**
 * EINSTELLUNGEN → PROTOKOLL (the tenant's audit log, its CSV export, a contact's "Zugriffe"): admins, and
 * employees given the right "Protokoll" (off by default). Clients never; they see their own sign-ins only.
 */
export function canSeeProtocol(e: EmployeeLike): boolean {
  return isAdmin(e) || (e.kind === 'employee' && e.rights?.protocol === true);
}

/** Ends every session of another account (an employee on BENUTZER, a client on the contact page): admins. */
export function mayEndSessionsOf(e: EmployeeLike): boolean {
  return isAdmin(e);
}
