import { and, eq } from 'drizzle-orm';
import { DomainError } from '../errors';
import { insertMany } from '../db/bulk';
import type { Db } from '../db/client';
import { importRows, type ImportJob } from '../db/schema';
import { countRows } from './counts';
import { jobFiles } from './files';
import { finishWork, renewLease } from './lease';
import { sources } from './registry';
import type { ProposedRow, SourceStats } from './types';

const batchSize = 500;

function stored(job: ImportJob, fileName: string, r: ProposedRow) {
  return {
    tenantId: job.tenantId,
    jobId: job.id,
    fileName,
    line: r.line,
    kind: r.kind,
    status: r.status,
    matchKey: r.matchKey,
    targetId: r.targetId,
    candidates: r.candidates ?? null,
    before: r.before,
    after: r.after,
    reasonKey: r.reason?.key ?? null,
    reasonValues: r.reason?.values ?? null,
    reasonField: r.reason?.field ?? null,
    groupKey: r.group ?? null,
    dependsOn: r.dependsOn ?? null,
  };
}

/** A group refused after some of its rows were stored (a GDV Datenpaket): all its rows become errors. */
async function failGroup(database: Db, jobId: string, row: ProposedRow): Promise<void> {
  await database
    .update(importRows)
    .set({
      status: 'error',
      reasonKey: row.reason?.key ?? null,
      reasonValues: row.reason?.values ?? null,
      reasonField: row.reason?.field ?? null,
    })
    .where(and(eq(importRows.jobId, jobId), eq(importRows.groupKey, row.group!)));
}

/**
 * The check: streams every file of the job through its source and stores the proposed rows in batches.
 * Resumable: a second run reads from the start again and the unique (job, file, line, kind) skips rows
 * already stored; nothing but import_rows and the job are written.
 */
export async function runCheck(database: Db, job: ImportJob, owner: string): Promise<void> {
  const source = sources[job.kind];
  if (!source) throw new Error(`no import source for ${job.kind}`);
  const stats: SourceStats = {};
  let done = 0;
  let buffer: ReturnType<typeof stored>[] = [];
  const flush = async () => {
    const rows = buffer;
    buffer = [];
    await database.transaction(async (tx) => {
      if (rows.length) await insertMany(tx, importRows, rows, { onConflictDoNothing: true });
      await renewLease(tx, job.id, owner, { counts: { ...job.counts, ...stats, done } as ImportJob['counts'] });
    });
  };
  let files = 0;
  try {
    for await (const file of jobFiles(job.tenantId, job.fileKeys, job.fileName, (n) => source.accepts(n))) {
      files++;
      const ctx = { db: database, tenantId: job.tenantId, jobId: job.id, options: job.options, fileName: file.name };
      for await (const row of source.check(file.stream, ctx, stats)) {
        if (row.failsGroup && row.group) {
          await flush();
          await failGroup(database, job.id, row);
        }
        buffer.push(stored(job, files > 1 || file.name !== job.fileName ? file.name : '', row));
        done++;
        if (buffer.length >= batchSize) await flush();
      }
    }
  } catch (error) {
    const key = error instanceof DomainError ? error.key : null;
    if (!key) throw error;
    // An unreadable file (not a table, broken archive): the job ends checked with the reason, no rows.
    await database.transaction(async (tx) =>
      finishWork(tx, job.id, owner, {
        state: 'checked',
        error: key,
        counts: await countRows(tx, job.id),
        stamp: 'checkedAt',
      }),
    );
    return;
  }
  await flush();
  await database.transaction(async (tx) => {
    const counts = await countRows(tx, job.id, { ...stats, files });
    const error = counts.total === 0 ? (files === 0 ? 'import.errors.noFiles' : 'import.errors.empty') : null;
    await finishWork(tx, job.id, owner, { state: 'checked', error, counts: { ...counts, done }, stamp: 'checkedAt' });
  });
}
