/**
 * Rights of the privacy verbs (KONTAKT LÖSCHEN, ARCHIVIEREN, DATENEXPORT) as pure functions. A contact's
 * data spans every module, so deleting/archiving needs write and the full export read in all of them.
 */
import { moduleKeys } from '../db/schema/users';
import { isAdmin, rightOf, type EmployeeLike } from './employee';
import { maySee, type ContactFacts, type ItemFacts, type Viewer } from './folder';
import { rightsOf, type Grants } from './freigaben';

/** KONTAKT LÖSCHEN: admins, or employees with write in every module (the data spans them all). */
export function mayErase(e: EmployeeLike): boolean {
  return isAdmin(e) || (e.kind === 'employee' && moduleKeys.every((m) => rightOf(e, m) === 'write'));
}

/** ARCHIVIEREN / WIEDER AKTIVIEREN: the same people as deleting (both end the client's access). */
export function mayArchive(e: EmployeeLike): boolean {
  return mayErase(e);
}

/** DATENEXPORT of a contact (Art. 15 for the controller): admins, or employees with at least read in every module. */
export function mayExport(e: EmployeeLike): boolean {
  return isAdmin(e) || (e.kind === 'employee' && moduleKeys.every((m) => rightOf(e, m) !== 'none'));
}

/** A client's own DATENEXPORT in the portal: while PROFIL is visible to them. */
export function mayExportOwn(grants: Grants): boolean {
  return rightsOf(grants, 'profile').visible;
}

/**
 * What one export holds (issue 13, finding 6). The advisor's export (Art. 15, answered by the firm) is
 * complete. The client's own export follows what the client may see in the portal: folder items per
 * FREIGABEN and item (`maySee`), KOMMUNIKATION only while it is visible; internal fields (the advisor's
 * note on the contact, internal notes of forwards, the firm's audit trail about them) never.
 */
export interface ExportScope {
  complete: boolean;
  item: (facts: ItemFacts) => boolean;
  communication: boolean;
  internal: boolean;
}

export function exportScope(viewer: Viewer, contact: ContactFacts): ExportScope {
  if (viewer.kind === 'employee') return { complete: true, item: () => true, communication: true, internal: true };
  return {
    complete: false,
    item: (facts) => maySee(viewer, contact, facts),
    communication: viewer.clientId === contact.id && rightsOf(viewer.grants, 'communication').visible,
    internal: false,
  };
}
