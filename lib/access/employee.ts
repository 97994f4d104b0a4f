import { moduleKeys, type EmployeeRights, type ModuleKey, type RightLevel } from '../db/schema/users';

/** Employee rights as pure functions (SPEC §3); the FREIGABEN issue extends this module. */
export interface EmployeeLike {
  kind: 'employee' | 'client';
  role: 'admin' | 'employee' | null;
  rights?: EmployeeRights | null;
  scope?: 'all' | 'own' | null;
  id: string;
}

export const noRights: EmployeeRights = {
  insurance: 'none',
  finance: 'none',
  other: 'none',
  emergency: 'none',
  communication: 'none',
};

export function isAdmin(e: EmployeeLike): boolean {
  return e.kind === 'employee' && e.role === 'admin';
}

export function rightOf(e: EmployeeLike, module: ModuleKey): RightLevel {
  if (e.kind !== 'employee') return 'none';
  if (isAdmin(e)) return 'write';
  return e.rights?.[module] ?? 'none';
}

/** Only admins manage BENUTZER and EINSTELLUNGEN. */
export function canManageUsers(e: EmployeeLike): boolean {
  return isAdmin(e);
}

export function hasAnyRight(e: EmployeeLike): boolean {
  return isAdmin(e) || moduleKeys.some((m) => (e.rights ?? noRights)[m] !== 'none');
}

/** Sees the contact list at all (an employee without any right sees the "no rights yet" state). */
export function canViewContacts(e: EmployeeLike): boolean {
  return e.kind === 'employee' && hasAnyRight(e);
}

/** Creates contacts and edits master data: admins, and employees with write in at least one module. */
export function canEditContacts(e: EmployeeLike): boolean {
  return isAdmin(e) || (e.kind === 'employee' && moduleKeys.some((m) => (e.rights ?? noRights)[m] === 'write'));
}

/** Whether the employee may see this contact: all contacts, or only those they are BETREUER of. */
export function canSeeContact(e: EmployeeLike, contact: { advisorId: string | null }): boolean {
  if (!canViewContacts(e)) return false;
  if (isAdmin(e) || (e.scope ?? 'all') === 'all') return true;
  return contact.advisorId === e.id;
}

/**
 * Changes the login data of a contact who holds an account (status other than 'none'): the e-mail address
 * (where reset links go) and the birth date (the PIN of every password link). Whoever may change both can
 * take the account over, so it is a right of its own: admins only (issue 13, finding 9).
 */
export function canChangeLoginData(e: EmployeeLike): boolean {
  return isAdmin(e);
}

/** The same for one contact: without an account (status 'none') the login data are plain master data. */
export function mayChangeLoginDataOf(e: EmployeeLike, contact: { status: string }): boolean {
  return contact.status === 'none' ? canEditContacts(e) : canEditContacts(e) && canChangeLoginData(e);
}

/** EINSTELLUNGEN (IMPRESSUM, E-MAIL-SIGNATUR, WHITELABEL, ANBIETER, Website): admins only. */
export function canManageSettings(e: EmployeeLike): boolean {
  return isAdmin(e);
}

/**
 * FRISTEN list (and its CSV export): cancellation deadlines exist for insurance contracts only, so an
 * employee sees them with a right in VERSICHERUNGEN (and the contact scope, applied by the list).
 */
export function canSeeDeadlines(e: EmployeeLike): boolean {
  return canViewContacts(e) && rightOf(e, 'insurance') !== 'none';
}

/** Marks a deadline "erledigt" (or reopens it): write in VERSICHERUNGEN. */
export function mayMarkDeadlines(e: EmployeeLike): boolean {
  return canSeeDeadlines(e) && rightOf(e, 'insurance') === 'write';
}

/**
 * IMPORTIEREN (issue 14): admins, and employees with the right "Import" (off by default). Imported contacts
 * are master data, so the employee must also be allowed to create contacts.
 */
export function canImport(e: EmployeeLike): boolean {
  return isAdmin(e) || (e.kind === 'employee' && e.rights?.import === true && canEditContacts(e));
}

/** One import job: admins see every job of the tenant, an employee with the right "Import" their own. */
export function canSeeImportJob(e: EmployeeLike, job: { createdBy: string }): boolean {
  return isAdmin(e) || (canImport(e) && job.createdBy === e.id);
}
