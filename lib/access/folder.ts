/**
 * Who may see and change contracts and documents (SPEC §3, §4), as pure functions over the stored facts.
 * Employees: module right (none/read/write) and scope (BETREUER); the contact's own documents
 * ('profile') follow the general contact rights. Clients: only their own folder, per FREIGABEN.
 */
import { canEditContacts, canSeeContact, canViewContacts, rightOf, type EmployeeLike } from './employee';
import { mayChangeItem, maySeeItem, rightsOf, type Grants } from './freigaben';
import type { DocumentArea } from '../db/schema/contracts';

export type Viewer =
  { kind: 'employee'; employee: EmployeeLike } | { kind: 'client'; clientId: string; grants: Grants };

export interface ContactFacts {
  id: string;
  advisorId: string | null;
}

/** Folder areas, the contact's own documents ('profile') and attachments of KOMMUNIKATION. */
export type RightsArea = DocumentArea | 'communication';

export interface ItemFacts {
  area: RightsArea;
  createdByClient: boolean;
}

function employeeLevel(e: EmployeeLike, area: RightsArea): 'none' | 'read' | 'write' {
  if (area === 'profile') return canEditContacts(e) ? 'write' : canViewContacts(e) ? 'read' : 'none';
  return rightOf(e, area);
}

/** Sees the area of this contact's folder at all (list, totals). */
export function maySeeArea(v: Viewer, contact: ContactFacts, area: RightsArea): boolean {
  if (v.kind === 'employee') return canSeeContact(v.employee, contact) && employeeLevel(v.employee, area) !== 'none';
  return v.clientId === contact.id && rightsOf(v.grants, area).visible;
}

/** May add contracts/documents to this area of the contact's folder. */
export function mayAddTo(v: Viewer, contact: ContactFacts, area: RightsArea): boolean {
  if (v.kind === 'employee') return canSeeContact(v.employee, contact) && employeeLevel(v.employee, area) === 'write';
  return v.clientId === contact.id && rightsOf(v.grants, area).mayCreateEditOwn;
}

export function maySee(v: Viewer, contact: ContactFacts, item: ItemFacts): boolean {
  if (v.kind === 'employee') return maySeeArea(v, contact, item.area);
  return v.clientId === contact.id && maySeeItem(v.grants, item.area, item.createdByClient);
}

/** Edit or delete one item: employees with write; clients their own (write right) or, with DATENFREIGABE, the advisor's. */
export function mayChange(v: Viewer, contact: ContactFacts, item: ItemFacts): boolean {
  if (v.kind === 'employee') return mayAddTo(v, contact, item.area);
  return (
    v.clientId === contact.id && maySee(v, contact, item) && mayChangeItem(v.grants, item.area, item.createdByClient)
  );
}
