import { canSeeDeadlines } from '../access/employee';
import { requireRight } from '../access/require';
import type { Ctx } from '../ctx';
import { catchUp, deadlineOf } from '../deadline-store';
import type { CalendarDate, KnownDeadline } from '../deadlines';
import { type Details, pageDetails } from './details';
import { countQuery, pageQuery, type StoredFilters } from './stored';
import { todayInGermany } from './today';
import { type DeadlineWindow, sortKey } from './window';

export interface DeadlineFilters {
  window: DeadlineWindow;
  advisorId?: string | null;
  sparte?: string | null;
  provider?: string | null;
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

type Row = Awaited<ReturnType<typeof pageQuery>>[number];
const none: Details = { provider: null, number: null, contactName: '', advisorName: null };

/** The right, the day, and the tenant's contracts changed since the last read computed first. */
async function prepare(ctx: Ctx, today: CalendarDate | undefined): Promise<CalendarDate> {
  requireRight(canSeeDeadlines(ctx.actor));
  const day = today ?? todayInGermany();
  await catchUp(ctx.db, ctx.tenant.id, day);
  return day;
}

async function withNames(ctx: Ctx, rows: Row[], today: CalendarDate): Promise<DeadlineListItem[]> {
  const details = await pageDetails(
    ctx,
    rows.map((r) => r.contractId),
  );
  return rows.map((r) => {
    const deadline = deadlineOf(r, today);
    return {
      key: sortKey(deadline.lastDay, r.contractId, r.deadlineId),
      contractId: r.contractId,
      contactId: r.contactId,
      product: r.product,
      sparte: r.sparte,
      deadline,
      done: r.doneAt ? { note: r.doneNote, doneAt: r.doneAt } : null,
      ...(details.get(r.contractId) ?? none),
    };
  });
}

/**
 * FRISTEN for employees: the deadlines of the window (overdue, next 30/90/180 days) of the insurance
 * contracts of the contacts they may see, by last day; keyset pages of `limit` (default 50). Read from the
 * stored deadlines (lib/deadline-store): two index ranges, whatever the size of the book.
 */
export async function listDeadlines(ctx: Ctx, filters: DeadlineFilters): Promise<DeadlineList> {
  const today = await prepare(ctx, filters.today);
  const limit = Math.min(Math.max(filters.limit ?? 50, 1), 500);
  const [rows, [count]] = await Promise.all([
    pageQuery(ctx, filters, today, filters.after ?? null, limit + 1),
    countQuery(ctx, filters, today),
  ]);
  const items = await withNames(ctx, rows.slice(0, limit), today);
  return { items, next: rows.length > limit ? items.at(-1)!.key : null, total: count?.n ?? 0 };
}

/** Every entry of the window in order (CSV export), keyset pages of 500 as the rows go out. */
export async function* allDeadlines(ctx: Ctx, filters: DeadlineFilters): AsyncGenerator<DeadlineListItem> {
  const today = await prepare(ctx, filters.today);
  let after = filters.after ?? null;
  for (;;) {
    const rows = await pageQuery(ctx, filters, today, after, 500);
    const items = await withNames(ctx, rows, today);
    yield* items;
    if (rows.length < 500) return;
    after = items.at(-1)!.key;
  }
}

/** "FRISTEN in den nächsten N Tagen" for the start page: open, not erledigt; 0 without the right. */
export async function countUpcomingDeadlines(ctx: Ctx, days = 30, today?: CalendarDate, cap?: number): Promise<number> {
  if (!canSeeDeadlines(ctx.actor)) return 0;
  const day = await prepare(ctx, today);
  const filters: StoredFilters = { window: Math.max(0, Math.floor(days)) };
  const [row] = await countQuery(ctx, filters, day, cap);
  return row?.n ?? 0;
}
