import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../ctx';
import type { Db, Tx } from '../db/client';
import { importRows, type ImportJob, type ImportRow } from '../db/schema';
import { DomainError } from '../errors';
import { countRows } from './counts';
import { finishWork, renewLease } from './lease';
import { appliers } from './registry';
import { rowKindOrder, type Applied, type RowKind, type StoredRow } from './types';
import { jobCtx } from './worker-ctx';

const batchSize = 200;
/** Insurers and persons before the contracts that need them (undo: the other way round). */
const kindRank = sql`array_position(${sql.raw(`ARRAY[${rowKindOrder.map((k) => `'${k}'`).join(',')}]::text[]`)}, ${importRows.kind})`;

/** The row as the applier sees it: the user's decision among ambiguous candidates wins over the proposal. */
export function storedRow(r: ImportRow): StoredRow {
  const targetId = r.decision ? (r.decision === 'new' ? null : r.decision) : r.targetId;
  return {
    id: r.id,
    jobId: r.jobId,
    line: r.line,
    fileName: r.fileName,
    kind: r.kind,
    status: r.decision === 'new' ? 'new' : r.status,
    matchKey: r.matchKey,
    targetId,
    before: r.before,
    after: r.after,
    dependsOn: r.dependsOn ?? null,
  };
}

/** The id a `dependsOn` row of the same job was applied to (or matched). */
function resolver(tx: Tx, jobId: string) {
  return async (kind: RowKind, matchKey: string): Promise<string | null> => {
    const [r] = await tx
      .select({ applied: importRows.appliedTargetId, target: importRows.targetId, decision: importRows.decision })
      .from(importRows)
      .where(and(eq(importRows.jobId, jobId), eq(importRows.kind, kind), eq(importRows.matchKey, matchKey)))
      .limit(1);
    if (!r) return null;
    return r.applied ?? (r.decision && r.decision !== 'new' ? r.decision : r.target);
  };
}

const pendingApply = (jobId: string) =>
  and(
    eq(importRows.jobId, jobId),
    inArray(importRows.status, ['new', 'changed']),
    eq(importRows.excluded, false),
    isNull(importRows.appliedAt),
    isNull(importRows.applyError),
  );

/** One row in a savepoint: a refusal (DomainError) is stored with the row, the batch goes on. */
async function applyOne(ctx: Ctx, row: ImportRow, resolve: ReturnType<typeof resolver>): Promise<void> {
  const applier = appliers[row.kind];
  const input = storedRow(row);
  const refuse = (key: string) => ctx.db.update(importRows).set({ applyError: key }).where(eq(importRows.id, row.id));
  if (!applier) return void (await refuse('import.reasons.unsupported'));
  if (row.candidates?.length && !row.decision) return void (await refuse('import.reasons.undecided'));
  try {
    const applied: Applied = await ctx.db.transaction((sp) => applier.apply({ ...ctx, db: sp }, input, resolve));
    await ctx.db
      .update(importRows)
      .set({
        appliedAt: sql`now()`,
        appliedTargetId: applied.targetId,
        appliedCreated: applied.created,
        previous: applied.previous,
        appliedStamp: applied.stamp,
      })
      .where(eq(importRows.id, row.id));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await refuse(error.key);
  }
}

/**
 * ÜBERNEHMEN in the worker: accepted rows (new/changed, not excluded) in batches, contacts before contracts;
 * each batch is one transaction with the rows' applied state and the lease, so a restart never writes a row
 * twice and an instance that lost the job commits nothing.
 */
export async function runApply(database: Db, job: ImportJob, owner: string): Promise<void> {
  for (;;) {
    const more = await database.transaction(async (tx) => {
      const ctx = await jobCtx(tx, job);
      const rows = await tx
        .select()
        .from(importRows)
        .where(pendingApply(job.id))
        .orderBy(asc(kindRank), asc(importRows.fileName), asc(importRows.line))
        .limit(batchSize);
      const resolve = resolver(tx, job.id);
      for (const row of rows) await applyOne(ctx, row, resolve);
      const counts = await countRows(tx, job.id);
      await renewLease(tx, job.id, owner, { counts: { ...job.counts, ...counts, done: counts.applied ?? 0 } });
      return rows.length === batchSize;
    });
    if (!more) break;
  }
  await database.transaction(async (tx) => {
    const counts = await countRows(tx, job.id);
    await finishWork(tx, job.id, owner, { state: 'applied', counts: { ...job.counts, ...counts }, stamp: 'appliedAt' });
  });
}

/** IMPORT RÜCKGÄNGIG MACHEN in the worker: applied rows in reverse order, each 'undone' or 'left'. */
export async function runUndo(database: Db, job: ImportJob, owner: string): Promise<void> {
  for (;;) {
    const more = await database.transaction(async (tx) => {
      const ctx = await jobCtx(tx, job);
      const rows = await tx
        .select()
        .from(importRows)
        .where(and(eq(importRows.jobId, job.id), isNotNull(importRows.appliedAt), isNull(importRows.undoOutcome)))
        .orderBy(desc(kindRank), desc(importRows.fileName), desc(importRows.line))
        .limit(batchSize);
      for (const row of rows) {
        const applier = appliers[row.kind];
        const applied: Applied = {
          targetId: row.appliedTargetId!,
          created: row.appliedCreated ?? false,
          previous: row.previous,
          stamp: row.appliedStamp,
        };
        const outcome = applier
          ? await tx.transaction((sp) => applier.undo({ ...ctx, db: sp }, storedRow(row), applied))
          : 'left';
        await tx
          .update(importRows)
          .set({ undoOutcome: outcome, undoneAt: sql`now()` })
          .where(eq(importRows.id, row.id));
      }
      const counts = await countRows(tx, job.id);
      await renewLease(tx, job.id, owner, {
        counts: { ...job.counts, ...counts, done: (counts.undone ?? 0) + (counts.left ?? 0) },
      });
      return rows.length === batchSize;
    });
    if (!more) break;
  }
  await database.transaction(async (tx) => {
    const counts = await countRows(tx, job.id);
    await finishWork(tx, job.id, owner, { state: 'undone', counts: { ...job.counts, ...counts }, stamp: 'undoneAt' });
  });
}
