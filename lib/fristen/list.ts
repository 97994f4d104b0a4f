import { canSeeDeadlines } from '../access/employee';
import { requireRight } from '../access/require';
import type { Ctx } from '../ctx';
import { contractDeadlines, type CalendarDate, deadlineInput, type KnownDeadline } from '../deadlines';
import { type CandidateFilters, candidateBatches, type Details, lineSparten, pageDetails } from './candidates';
import { todayInGermany } from './today';
import { type DeadlineWindow, inWindow, sortKey, TopK } from './window';

export interface DeadlineFilters extends CandidateFilters {
  window: DeadlineWindow;
  /** Also the deadlines marked erledigt (hidden by default). */
  showDone?: boolean;
  /** Keyset cursor: the sort key of the last entry of the previous page. */
  after?: string | null;
  limit?: number;
  /** For tests and the bench; pages use today in Germany. */
  today?: CalendarDate;
}

export interface DeadlineListItem {
  key: string;
  contractId: string;
  contactId: string;
  contactName: string;
  advisorName: string | null;
  product: string;
  provider: string | null;
  number: string | null;
  sparte: string | null;
  deadline: KnownDeadline;
  done: { note: string | null; doneAt: Date } | null;
}

export interface DeadlineList {
  items: DeadlineListItem[];
  /** All entries of the window (every page), for the heading. */
  total: number;
  next: string | null;
}

/** An entry before its words are loaded (only the page's entries get names). */
type Found = Omit<DeadlineListItem, 'contactName' | 'advisorName' | 'provider' | 'number'>;

/** Streams every candidate through the engine and hands each entry of the window to `visit`. */
async function walk(
  ctx: Ctx,
  filters: Omit<DeadlineFilters, 'window'> & { window: DeadlineWindow | number },
  visit: (item: Found) => void,
): Promise<void> {
  requireRight(canSeeDeadlines(ctx.actor));
  const today = filters.today ?? todayInGermany();
  const sparten = await lineSparten(ctx);
  for await (const { rows, marks } of candidateBatches(ctx, filters)) {
    for (const r of rows) {
      const input = deadlineInput({ ...r, productLineSparte: sparten.get(r.product) ?? null });
      for (const d of contractDeadlines(input, today)) {
        if (!inWindow(d, filters.window, today)) continue;
        const done = marks.get(`${r.id}|${d.id}`) ?? null;
        if (done && !filters.showDone) continue;
        visit({
          key: sortKey(d.lastDay, r.id, d.id),
          contractId: r.id,
          contactId: r.contactId,
          product: r.product,
          sparte: input.sparte,
          deadline: d,
          done: done ? { note: done.note, doneAt: done.doneAt } : null,
        });
      }
    }
  }
}

/**
 * FRISTEN for employees: the deadlines of the window (overdue, next 30/90/180 days) of the insurance
 * contracts of the contacts they may see, by last day; keyset pages of `limit` (default 50).
 */
export async function listDeadlines(ctx: Ctx, filters: DeadlineFilters): Promise<DeadlineList> {
  const limit = Math.min(Math.max(filters.limit ?? 50, 1), 500);
  const page = new TopK<Found>(limit, filters.after ?? null);
  let total = 0;
  await walk(ctx, filters, (item) => {
    total++;
    page.add(item.key, item);
  });
  const { items, next } = page.result();
  const details = await pageDetails(
    ctx,
    items.map((i) => i.contractId),
  );
  const none: Details = { provider: null, number: null, contactName: '', advisorName: null };
  return { items: items.map((i) => ({ ...i, ...(details.get(i.contractId) ?? none) })), next, total };
}

/**
 * Every entry of the window in order (CSV export): one walk over the candidates (the entries of the window
 * are held compactly, at most a few per contract), then the names in chunks of 500 as the rows go out.
 */
export async function* allDeadlines(ctx: Ctx, filters: DeadlineFilters): AsyncGenerator<DeadlineListItem> {
  const found: Found[] = [];
  await walk(ctx, filters, (item) => {
    if (!filters.after || item.key > filters.after) found.push(item);
  });
  found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const none: Details = { provider: null, number: null, contactName: '', advisorName: null };
  for (let i = 0; i < found.length; i += 500) {
    const chunk = found.slice(i, i + 500);
    const details = await pageDetails(
      ctx,
      chunk.map((f) => f.contractId),
    );
    for (const f of chunk) yield { ...f, ...(details.get(f.contractId) ?? none) };
  }
}

/** "FRISTEN in den nächsten N Tagen" for the start page: open, not erledigt; 0 without the right. */
export async function countUpcomingDeadlines(ctx: Ctx, days = 30, today?: CalendarDate): Promise<number> {
  if (!canSeeDeadlines(ctx.actor)) return 0;
  let n = 0;
  await walk(ctx, { window: Math.max(0, Math.floor(days)), today }, () => n++);
  return n;
}
