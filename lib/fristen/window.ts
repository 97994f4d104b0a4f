/**
 * Which engine entries a FRISTEN window shows, the list's order and its keyset cursor. Pure: the list
 * (list.ts) streams candidate contracts through here, so a page never holds more than its own entries.
 */
import { addDays, type CalendarDate, compareDates, type Deadline, type KnownDeadline, toIso } from '../deadlines';

export const windows = ['overdue', '30', '90', '180'] as const;
export type DeadlineWindow = (typeof windows)[number];

/** A window of the list, or any number of days ahead (the start page's count). */
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
 * The `limit` smallest entries after the cursor, kept while streaming (memory bounded by 2 × limit).
 * `add` returns whether the entry was after the cursor (counted for the page's "more" flag).
 */
export class TopK<T> {
  private items: { key: string; value: T }[] = [];
  constructor(
    private readonly limit: number,
    private readonly after: string | null,
  ) {}
  add(key: string, value: T): void {
    if (this.after !== null && key <= this.after) return;
    this.items.push({ key, value });
    if (this.items.length > 2 * this.limit) this.trim(this.limit + 1);
  }
  private trim(n: number) {
    this.items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.items.length = Math.min(this.items.length, n);
  }
  /** The page and the cursor of the next one (null: this was the last page). */
  result(): { items: T[]; next: string | null } {
    this.trim(this.limit + 1);
    const more = this.items.length > this.limit;
    const page = this.items.slice(0, this.limit);
    return { items: page.map((i) => i.value), next: more ? page[page.length - 1]!.key : null };
  }
}
