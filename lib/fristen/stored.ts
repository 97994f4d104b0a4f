/**
 * The FRISTEN list's query over the stored deadlines (contract_deadlines, lib/deadline-store): one index
 * range per tenant, area and window of last days (contract_deadlines_tenant_day_idx), keyset pages in the
 * order of the last day; scope (BETREUER) and filters in SQL. Never a scan of contracts.
 */
import { and, asc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { contactScope } from '../access/scope';
import type { Ctx } from '../ctx';
import { contactProfiles, contractDeadlines as cd, deadlineMarks } from '../db/schema';
import type { CalendarDate } from '../deadlines';
import { type DeadlineWindow, windowRange } from './window';

export interface StoredFilters {
  window: DeadlineWindow | number;
  advisorId?: string | null;
  sparte?: string | null;
  provider?: string | null;
  showDone?: boolean;
}

const marked = sql`exists (select 1 from ${deadlineMarks} m where m.tenant_id = ${cd.tenantId} and m.contract_id = ${cd.contractId} and m.deadline_id = ${cd.deadlineId})`;

export function storedWhere(ctx: Ctx, f: StoredFilters, today: CalendarDate): SQL {
  const { from, to } = windowRange(f.window, today);
  return and(
    eq(cd.tenantId, ctx.tenant.id),
    eq(cd.area, 'insurance'),
    gte(cd.lastDay, from),
    lte(cd.lastDay, to),
    contactScope(ctx.actor, { tenantId: cd.tenantId, contactId: cd.contactId }),
    f.advisorId
      ? sql`exists (select 1 from ${contactProfiles} cpa where cpa.tenant_id = ${cd.tenantId} and cpa.user_id = ${cd.contactId} and cpa.advisor_id = ${f.advisorId}::uuid)`
      : undefined,
    f.sparte ? eq(cd.sparte, f.sparte) : undefined,
    f.provider ? eq(cd.provider, f.provider) : undefined,
    f.showDone ? undefined : sql`not ${marked}`,
  )!;
}

/** Deadline ids compare bytewise, as the cursor string does (whatever the database's collation). */
const byteOrder = sql`${cd.deadlineId} collate "C"`;

/** After a cursor `YYYY-MM-DD|contract|deadline` (window.ts parseCursor). */
function afterCursor(cursor: string | null | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const [day, contractId, deadlineId] = cursor.split('|');
  return sql`(${cd.lastDay}, ${cd.contractId}) >= (${day}::date, ${contractId}::uuid) and not (${cd.lastDay} = ${day}::date and ${cd.contractId} = ${contractId}::uuid and ${byteOrder} <= ${deadlineId}::text collate "C")`;
}

/** One page (the query the EXPLAIN test checks). */
export function pageQuery(ctx: Ctx, f: StoredFilters, today: CalendarDate, after: string | null, limit: number) {
  return ctx.db
    .select({
      contractId: cd.contractId,
      deadlineId: cd.deadlineId,
      contactId: cd.contactId,
      kind: cd.kind,
      lastDay: cd.lastDay,
      sparte: cd.sparte,
      product: cd.product,
      detail: cd.detail,
      doneNote: deadlineMarks.note,
      doneAt: deadlineMarks.doneAt,
    })
    .from(cd)
    .leftJoin(
      deadlineMarks,
      and(
        eq(deadlineMarks.tenantId, cd.tenantId),
        eq(deadlineMarks.contractId, cd.contractId),
        eq(deadlineMarks.deadlineId, cd.deadlineId),
      ),
    )
    .where(and(storedWhere(ctx, f, today), afterCursor(after)))
    .orderBy(asc(cd.lastDay), asc(cd.contractId), asc(byteOrder))
    .limit(limit);
}

/**
 * All entries of the window (the heading's total), or with `cap` at most that many (the start page's tile
 * shows "99+" from COUNT_CAP on: an index range of `cap` rows instead of thousands on every visit).
 */
export function countQuery(ctx: Ctx, f: StoredFilters, today: CalendarDate, cap?: number) {
  if (cap === undefined)
    return ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(cd)
      .where(storedWhere(ctx, f, today));
  const capped = ctx.db
    .select({ one: sql`1` })
    .from(cd)
    .where(storedWhere(ctx, f, today))
    .limit(cap)
    .as('capped');
  return ctx.db.select({ n: sql<number>`count(*)::int` }).from(capped);
}
