import { and, asc, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { importRows, type ImportCounts, type ImportJob, type ImportRow } from '../db/schema';
import { applyChunk, storedRow, writeOutcomes } from './apply-chunk';
import { countRows } from './counts';
import { finishWork, renewLease } from './lease';
import { appliers } from './registry';
import { rowKindOrder, type Applied, type RowKind } from './types';
import { jobCtx } from './worker-ctx';

/** Rows per chunk: one transaction with the domain writes, the audit rows and the rows' applied state. */
export const chunkSize = 400;

const pendingApply = (jobId: string, kind: RowKind) =>
  and(
    eq(importRows.jobId, jobId),
    eq(importRows.kind, kind),
    inArray(importRows.status, ['new', 'changed']),
    eq(importRows.excluded, false),
    isNull(importRows.appliedAt),
    isNull(importRows.applyError),
  );

type Cursor = { fileName: string; line: number } | null;

/** The next rows of one kind in file order after `cursor` (keyset: never re-reads the rows done before). */
function nextRows(tx: Tx, where: SQL | undefined, cursor: Cursor, dir: 'asc' | 'desc'): Promise<ImportRow[]> {
  const cmp = dir === 'asc' ? sql`>` : sql`<`;
  const after = cursor
    ? sql`(${importRows.fileName}, ${importRows.line}) ${cmp} (${cursor.fileName}, ${cursor.line})`
    : undefined;
  const order = dir === 'asc' ? asc : desc;
  return tx
    .select()
    .from(importRows)
    .where(and(where, after))
    .orderBy(order(importRows.fileName), order(importRows.line))
    .limit(chunkSize);
}

const last = (rows: ImportRow[]): Cursor => {
  const r = rows[rows.length - 1];
  return r ? { fileName: r.fileName, line: r.line } : null;
};

/**
 * ÜBERNEHMEN in the worker: accepted rows (new/changed, not excluded) kind by kind (insurers and persons before
 * the contracts that need them) in chunks; each chunk is one transaction with its domain writes, audit rows,
 * the rows' applied state and the lease, so a restart resumes after the last committed chunk and never writes a
 * row twice, and an instance that lost the job commits nothing.
 */
export async function runApply(database: Db, job: ImportJob, owner: string): Promise<void> {
  const start = await database.transaction((tx) => countRows(tx, job.id));
  const tally = { applied: start.applied ?? 0, refused: start.refused ?? 0 };
  for (const kind of rowKindOrder) {
    let cursor: Cursor = null;
    for (;;) {
      const more = await database.transaction(async (tx) => {
        const rows = await nextRows(tx, pendingApply(job.id, kind), cursor, 'asc');
        if (rows.length === 0) return false;
        const ctx = await jobCtx(tx, job);
        const outcome = await writeOutcomes(tx, await applyChunk(ctx, rows));
        tally.applied += outcome.applied;
        tally.refused += outcome.refused;
        const counts: ImportCounts = { ...job.counts, ...start, ...tally, done: tally.applied };
        await renewLease(tx, job.id, owner, { counts });
        cursor = last(rows);
        return rows.length === chunkSize;
      });
      if (!more) break;
    }
  }
  await database.transaction(async (tx) => {
    const counts = await countRows(tx, job.id);
    await finishWork(tx, job.id, owner, { state: 'applied', counts: { ...job.counts, ...counts }, stamp: 'appliedAt' });
  });
}

const pendingUndo = (jobId: string, kind: RowKind) =>
  and(
    eq(importRows.jobId, jobId),
    eq(importRows.kind, kind),
    isNotNull(importRows.appliedAt),
    isNull(importRows.undoOutcome),
  );

/** IMPORT RÜCKGÄNGIG MACHEN in the worker: applied rows in reverse order, each 'undone' or 'left'. */
export async function runUndo(database: Db, job: ImportJob, owner: string): Promise<void> {
  for (const kind of [...rowKindOrder].reverse()) {
    let cursor: Cursor = null;
    for (;;) {
      const more = await database.transaction(async (tx) => {
        const rows = await nextRows(tx, pendingUndo(job.id, kind), cursor, 'desc');
        if (rows.length === 0) return false;
        const ctx = await jobCtx(tx, job);
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
        cursor = last(rows);
        return rows.length === chunkSize;
      });
      if (!more) break;
    }
  }
  await database.transaction(async (tx) => {
    const counts = await countRows(tx, job.id);
    await finishWork(tx, job.id, owner, { state: 'undone', counts: { ...job.counts, ...counts }, stamp: 'undoneAt' });
  });
}
