/**
 * `contractDeadlines(contract, today)`: every open deadline of one contract. Pure: no clock, no database,
 * no locale; the same input gives the same list, so the FRISTEN list, reminders, the iCal feed and the
 * contract page can never disagree.
 */
import { endBoundary, isBehind, type Resolved } from './anchors';
import { type CalendarDate, compareDates } from './dates';
import { eventDeadlines } from './events';
import { defaultGraceDays } from './rules';
import { type SparteFamily, sparteFamily } from './sparten';
import { termDeadlines } from './term';
import type { Deadline, DeadlineContract, DeadlineOptions } from './types';

/**
 * A contract whose term is over has nothing left to cancel: life and health at their Ablauf, a contract
 * without automatic renewal at its Ablauf. A renewing contract never expires by date (it renews; its
 * Ablauf is only the current end as of the delivery).
 */
function expired(contract: DeadlineContract, family: SparteFamily, end: Resolved, today: CalendarDate): boolean {
  const fixedTerm = family === 'life' || family === 'health' || contract.autoRenewal === false;
  if (!fixedTerm) return false;
  if (end.ok) return compareDates(end.date, today) <= 0;
  return end.problem !== 'missing' && isBehind(end.given, today);
}

const stateOrder: Record<Deadline['state'], number> = { overdue: 0, open: 1, unknown: 2 };

/** Overdue first, then by last day; unknown entries last (they need a date typed in, not a letter). */
function byUrgency(a: Deadline, b: Deadline): number {
  const byState = stateOrder[a.state] - stateOrder[b.state];
  if (byState !== 0 || !a.lastDay || !b.lastDay) return byState;
  return compareDates(a.lastDay, b.lastDay);
}

export function contractDeadlines(
  contract: DeadlineContract,
  today: CalendarDate,
  options: DeadlineOptions = {},
): Deadline[] {
  if (contract.status !== 'running') return [];
  const family = sparteFamily(contract.sparte);
  if (family === 'notInsurance') return [];
  const graceDays = Math.max(0, options.graceDays ?? defaultGraceDays);
  const end = endBoundary(contract);
  if (expired(contract, family, end, today)) return [];
  const ctx = { contract, family, end, today, graceDays };
  return [...termDeadlines(ctx), ...eventDeadlines(contract, family, today, graceDays)].sort(byUrgency);
}
