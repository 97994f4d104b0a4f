import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { ImportJob } from '../db/schema';
import { runImportWork } from '../import/run';

/** A job's lease: renewed after every batch; a crashed instance's job is taken over once it ran out. */
export const importPolicy = { leaseSeconds: 60, maxAttempts: 5 } as const;

/** This process's name in claimed_by (host, pid and a random part: two processes never share one). */
export const instanceId = `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;

type Row = Record<string, unknown>;

function toJob(r: Row): ImportJob {
  const date = (v: unknown) => (v ? new Date(v as string) : null);
  return {
    id: r.id as string,
    tenantId: r.tenant_id as string,
    createdBy: r.created_by as string,
    kind: r.kind as ImportJob['kind'],
    fileKeys: r.file_keys as string[],
    fileName: r.file_name as string,
    sizeBytes: Number(r.size_bytes),
    state: r.state as ImportJob['state'],
    work: (r.work as ImportJob['work']) ?? null,
    options: (r.options as ImportJob['options']) ?? {},
    counts: (r.counts as ImportJob['counts']) ?? {},
    claimedBy: (r.claimed_by as string | null) ?? null,
    claimedUntil: date(r.claimed_until),
    attempts: Number(r.attempts),
    error: (r.error as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
    updatedAt: new Date(r.updated_at as string),
    checkedAt: date(r.checked_at),
    appliedAt: date(r.applied_at),
    undoneAt: date(r.undone_at),
  };
}

/**
 * Claims one job with work to do whose lease is free or ran out (FOR UPDATE SKIP LOCKED: two instances never
 * get the same job), taking the lease for `owner`. A job that failed too often is given up with an error.
 */
export async function claimImportJob(database: Db, owner = instanceId): Promise<ImportJob | null> {
  await database.execute(sql`
    UPDATE import_jobs SET work = NULL, claimed_by = NULL, claimed_until = NULL, error = 'import.errors.gaveUp'
    WHERE work IS NOT NULL AND attempts >= ${importPolicy.maxAttempts} AND (claimed_until IS NULL OR claimed_until < now())`);
  const rows = await database.execute<Row>(sql`
    UPDATE import_jobs SET claimed_by = ${owner}, attempts = attempts + 1,
      claimed_until = now() + make_interval(secs => ${importPolicy.leaseSeconds})
    WHERE id = (
      SELECT id FROM import_jobs
      WHERE work IS NOT NULL AND (claimed_until IS NULL OR claimed_until < now())
      ORDER BY updated_at
      LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING *`);
  return rows[0] ? toJob(rows[0]) : null;
}

/** Claims and runs jobs until none is left; returns how many were run. */
export async function runImportJobs(database: Db, owner = instanceId): Promise<number> {
  let n = 0;
  for (let job = await claimImportJob(database, owner); job; job = await claimImportJob(database, owner)) {
    n++;
    try {
      await runImportWork(database, job, owner);
    } catch (error) {
      console.error('[import-worker] job', job.id, 'failed:', error instanceof Error ? error.message : error);
      // Lease given back: the next round (here or elsewhere) resumes it, up to maxAttempts.
      await database.execute(sql`
        UPDATE import_jobs SET claimed_by = NULL, claimed_until = NULL WHERE id = ${job.id} AND claimed_by = ${owner}`);
    }
  }
  return n;
}

/** Polls for import work until stopped. */
export function startImportWorker(database: Db, intervalMs = 2000): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    if (stopped) return;
    try {
      await runImportJobs(database);
    } catch (e) {
      console.error('[import-worker] round failed:', e instanceof Error ? e.message : e);
    }
  };
  const timer = setInterval(() => {
    running = running.then(tick);
  }, intervalMs);
  timer.unref?.();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
