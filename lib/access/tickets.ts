/**
 * KOMMUNIKATION rights (SPEC §3, §5) as pure functions over the stored facts: the viewer (an employee with
 * module right and scope, or a client with FREIGABEN, see viewer.ts) and the contact the tickets belong to.
 * Verbs, reads and pages ask these; nothing else decides who may read, send, forward or close.
 */
import { canSeeContact, isAdmin, rightOf, type EmployeeLike } from './employee';
import type { ContactFacts, Viewer } from './folder';
import { rightsOf, type Grants } from './freigaben';

export interface TicketRights {
  /** Open the thread (and its attachments). */
  read: boolean;
  /** Send: a new ticket (clients), a reply, and for staff forward and close (KOMMUNIKATION create/edit). */
  write: boolean;
}

const nothing: TicketRights = { read: false, write: false };

/** What the viewer may do with the tickets of this contact. */
export function ticketRights(viewer: Viewer, contact: ContactFacts): TicketRights {
  if (viewer.kind === 'client') {
    if (viewer.clientId !== contact.id) return nothing;
    const r = rightsOf(viewer.grants, 'communication');
    return { read: r.visible, write: r.mayCreateEditOwn };
  }
  const level = canSeeContact(viewer.employee, contact) ? rightOf(viewer.employee, 'communication') : 'none';
  return { read: level !== 'none', write: level === 'write' };
}

/** A client's KOMMUNIKATION as a whole (their own tickets): the portal's pages, badge and mails. */
export function ownTicketRights(grants: Grants): TicketRights {
  const r = rightsOf(grants, 'communication');
  return { read: r.visible, write: r.mayCreateEditOwn };
}

/** The buttons of one thread: a reply for whoever may send; WEITERLEITEN and ABSCHLIESSEN for staff, while open. */
export function threadActions(viewer: Viewer, rights: TicketRights, status: 'open' | 'closed') {
  const staff = viewer.kind === 'employee' && rights.write && status === 'open';
  return { reply: rights.write, forward: staff, close: staff };
}

/**
 * Who may be addressed by a client or receive a forward: the communication write right, and the contact
 * within their scope (scope "own" only reaches the contacts they are BETREUER of).
 */
export function mayReceiveTickets(employee: EmployeeLike, contact: Pick<ContactFacts, 'advisorId'>): boolean {
  return rightOf(employee, 'communication') === 'write' && canSeeContact(employee, contact);
}

/** The employee's KOMMUNIKATION list and badge. */
export function ticketListRights(actor: EmployeeLike) {
  const level = actor.kind === 'employee' ? rightOf(actor, 'communication') : 'none';
  return {
    /** Sees the list (and the badge) at all. */
    list: level !== 'none',
    /** Only the read right: nothing is ever assigned to them, so the list starts with "alle". */
    startWithAll: level === 'read',
    /** "alle" is the whole tenant (admins) or the tickets of the contacts they may see. */
    allIsTenant: isAdmin(actor),
  };
}
