import { and, asc, count, eq, isNotNull, or, sql } from 'drizzle-orm';
import type { Ctx } from '../ctx';
import { importRows, type ImportRow } from '../db/schema';
import { importJob } from './jobs';
import type { RowFilter } from './schemas';

export const rowPageSize = 100;

function filterOf(jobId: string, filter: RowFilter) {
  const job = eq(importRows.jobId, jobId);
  if (filter === 'all') return job;
  if (filter === 'excluded') return and(job, eq(importRows.excluded, true));
  return and(job, eq(importRows.status, filter));
}

/** One page of the review's rows, in file order. */
export async function listRows(
  ctx: Ctx,
  id: string,
  filter: RowFilter,
  page: number,
): Promise<{ rows: ImportRow[]; total: number }> {
  await importJob(ctx, id);
  const where = filterOf(id, filter);
  const [n] = await ctx.db.select({ n: count() }).from(importRows).where(where);
  const rows = await ctx.db
    .select()
    .from(importRows)
    .where(where)
    .orderBy(asc(importRows.fileName), asc(importRows.line), asc(importRows.kind))
    .limit(rowPageSize)
    .offset(Math.max(0, page - 1) * rowPageSize);
  return { rows, total: n?.n ?? 0 };
}

/** Rows left by the undo (someone changed them since). */
export async function leftRows(ctx: Ctx, id: string): Promise<ImportRow[]> {
  await importJob(ctx, id);
  return ctx.db
    .select()
    .from(importRows)
    .where(and(eq(importRows.jobId, id), eq(importRows.undoOutcome, 'left')))
    .orderBy(asc(importRows.line))
    .limit(500);
}

/** The refused rows (file errors and apply refusals) page by page, for the CSV download. */
export async function* refusedRows(ctx: Ctx, id: string): AsyncGenerator<ImportRow[]> {
  await importJob(ctx, id);
  for (let offset = 0; ; offset += 1000) {
    const rows = await ctx.db
      .select()
      .from(importRows)
      .where(
        and(eq(importRows.jobId, id), or(eq(importRows.status, 'error'), isNotNull(importRows.applyError), sql`false`)),
      )
      .orderBy(asc(importRows.fileName), asc(importRows.line))
      .limit(1000)
      .offset(offset);
    if (rows.length === 0) return;
    yield rows;
  }
}
