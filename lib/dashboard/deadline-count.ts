import { countUpcomingDeadlines } from '../fristen';
import type { Ctx } from '../ctx';

/**
 * The start page's "FRISTEN in den nächsten 30 Tagen" tile, counted by the deadline engine over the whole
 * book in the viewer's scope – far too much work for every view of the start page. The count is kept per
 * account for five minutes (per process; the FRISTEN list itself is always exact), so reloading the start page
 * does not walk 50,000 contracts each time.
 */
export const DEADLINE_COUNT_TTL_MS = 5 * 60_000;

const globalRef = globalThis as unknown as {
  __mappeDeadlineCounts?: Map<string, { at: number; n: Promise<number> }>;
};
const counts = (globalRef.__mappeDeadlineCounts ??= new Map());

export function upcomingDeadlineCount(ctx: Ctx, days = 30, now = Date.now()): Promise<number> {
  const key = `${ctx.tenant.id}|${ctx.actor.id}|${days}`;
  const hit = counts.get(key);
  if (hit && now - hit.at < DEADLINE_COUNT_TTL_MS) return hit.n;
  const n = countUpcomingDeadlines(ctx, days);
  if (counts.size > 10_000) counts.clear();
  counts.set(key, { at: now, n });
  // A failed count is not kept: the next view asks again.
  n.catch(() => counts.delete(key));
  return n;
}

/** After marking a deadline as done (or in tests): the next start page counts afresh. */
export function forgetDeadlineCounts(): void {
  counts.clear();
}
