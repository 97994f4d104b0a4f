import { isAdmin, rightOf, type EmployeeLike } from '../access/employee';

const modules = ['insurance', 'finance', 'other', 'emergency', 'communication'] as const;

/** KONTAKT LÖSCHEN / ARCHIVIEREN: admins, or employees with write in every module (the data spans them all). */
export function mayErase(e: EmployeeLike): boolean {
  return isAdmin(e) || (e.kind === 'employee' && modules.every((m) => rightOf(e, m) === 'write'));
}

/** DATENEXPORT: admins, or employees with at least read in every module. */
export function mayExport(e: EmployeeLike): boolean {
  return isAdmin(e) || (e.kind === 'employee' && modules.every((m) => rightOf(e, m) !== 'none'));
}
