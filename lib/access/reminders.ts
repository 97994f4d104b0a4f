/**
 * FRISTEN reminders, the iCal feed and WIEDERVORLAGEN (issue 15) as pure functions over the stored facts.
 */
import type { ModuleKey } from '../db/schema';
import { canSeeContact, isAdmin, rightOf, type EmployeeLike } from './employee';
import { maySee, maySeeArea, type ContactFacts, type ItemFacts, type Viewer } from './folder';

/** The Betreuer is reminded of a contract's deadline while they may see that area of the contact's folder. */
export function advisorMayBeReminded(employee: EmployeeLike, contact: ContactFacts, area: ItemFacts['area']): boolean {
  return employee.kind === 'employee' && maySeeArea({ kind: 'employee', employee }, contact, area);
}

/**
 * A contact without Betreuer (or whose Betreuer left): the tenant's active admins get the reminder instead,
 * so no deadline goes unmentioned.
 */
export function remindedInsteadOfBetreuer(employee: EmployeeLike & { status?: string | null }): boolean {
  return isAdmin(employee) && (employee.status ?? 'active') === 'active';
}

/** A client may switch on (and keeps getting) a reminder for a contract of their own folder they can see. */
export function mayGetClientReminder(viewer: Viewer, contact: ContactFacts, item: ItemFacts): boolean {
  return viewer.kind === 'client' && maySee(viewer, contact, item);
}

/** The folder areas whose deadlines an employee's calendar feed shows (module right at least read). */
export function calendarAreas(employee: EmployeeLike): ModuleKey[] {
  const areas = ['insurance', 'finance', 'other', 'emergency'] as const;
  return employee.kind === 'employee' ? areas.filter((a) => rightOf(employee, a) !== 'none') : [];
}

/**
 * WIEDERVORLAGEN: an employee may create and handle follow-ups on a contact they may see; on a contract,
 * also the contract's area.
 */
export function mayFollowUp(actor: EmployeeLike, contact: ContactFacts, area?: ItemFacts['area'] | null): boolean {
  if (actor.kind !== 'employee' || !canSeeContact(actor, contact)) return false;
  return area ? maySeeArea({ kind: 'employee', employee: actor }, contact, area) : true;
}

/** The assignee must be an employee who may see the contact (and the contract's area): the same rule. */
export const mayBeAssigned = mayFollowUp;

/** Who may mark a follow-up done or reopen it: its assignee, or whoever may follow the contact up. */
export function mayHandleFollowUp(
  actor: EmployeeLike,
  contact: ContactFacts,
  followUp: { assigneeId: string; area?: ItemFacts['area'] | null },
): boolean {
  return mayFollowUp(actor, contact, followUp.area);
}
