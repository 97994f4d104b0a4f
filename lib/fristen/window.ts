/** The FRISTEN windows, the list's order and its keyset cursor. Pure. */
import {
  addDays,
  type CalendarDate,
  compareDates,
  type Deadline,
  defaultGraceDays,
  type KnownDeadline,
  toIso,
} from '../deadlines';

export const windows = ['overdue', '30', '90', '180'] as const;
export type DeadlineWindow = (typeof windows)[number];

/** The engine's view of a window (the stored rows' ranges, windowRange, must agree: a unit test checks). */
export function inWindow(d: Deadline, window: DeadlineWindow | number, today: CalendarDate): d is KnownDeadline {
  if (d.state === 'unknown') return false;
  if (window === 'overdue') return d.state === 'overdue';
  return d.state === 'open' && compareDates(d.lastDay, addDays(today, Number(window))) <= 0;
}

/** The order of the list and its cursor: last day, then contract, then deadline id (ISO days sort as text). */
export const sortKey = (lastDay: CalendarDate, contractId: string, deadlineId: string) =>
  `${toIso(lastDay)}|${contractId}|${deadlineId}`;

/** A cursor from a request: only what sortKey writes. */
export function parseCursor(v: string | null | undefined): string | null {
  if (!v) return null;
  return /^\d{4}-\d{2}-\d{2}\|[0-9a-f-]{36}\|[A-Za-z]+:[0-9a-z-]+$/.test(v) ? v : null;
}

/**
 * The last days a window shows, as ISO days: overdue = missed within the engine's grace days (the day before
 * today back to today − 30), else today up to today + N (the start page's count: any N).
 */
export function windowRange(window: DeadlineWindow | number, today: CalendarDate): { from: string; to: string } {
  if (window === 'overdue') return { from: toIso(addDays(today, -defaultGraceDays)), to: toIso(addDays(today, -1)) };
  return { from: toIso(today), to: toIso(addDays(today, Number(window))) };
}
