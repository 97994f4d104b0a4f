import { asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { deletionJobs } from '../db/schema';
import { deleteObject } from '../storage';

export type RemoveObject = (tenantId: string, key: string) => Promise<void>;

/**
 * The storage half of KONTAKT LÖSCHEN: removes the stored objects of one deletion job. The job row is
 * claimed with FOR UPDATE SKIP LOCKED, so two instances never work on the same job at once (the second
 * reports it as still pending). Safe to run again: S3 DeleteObject is idempotent, and keys already gone
 * are dropped from the job as it goes, so a retry continues where the last run stopped.
 */
export async function runDeletionJob(
  database: Db | Tx,
  jobId: string,
  remove: RemoveObject = deleteObject,
): Promise<'done' | 'pending'> {
  return database.transaction(async (tx) => {
    const [job] = await tx
      .select()
      .from(deletionJobs)
      .where(eq(deletionJobs.id, jobId))
      .for('update', { skipLocked: true });
    if (!job) {
      // Missing (nothing to do) or claimed by another instance right now (it reports the outcome).
      const [busy] = await tx
        .select({ status: deletionJobs.status })
        .from(deletionJobs)
        .where(eq(deletionJobs.id, jobId));
      return busy?.status === 'pending' ? 'pending' : 'done';
    }
    if (job.status === 'done') return 'done';
    const left = [...job.objectKeys];
    try {
      while (left.length) {
        await remove(job.tenantId, left[0]!);
        left.shift();
      }
      await tx
        .update(deletionJobs)
        .set({
          objectKeys: [],
          status: 'done',
          doneAt: sql`now()`,
          attempts: sql`${deletionJobs.attempts} + 1`,
          lastError: null,
        })
        .where(eq(deletionJobs.id, jobId));
      return 'done';
    } catch (error) {
      await tx
        .update(deletionJobs)
        .set({
          objectKeys: left,
          attempts: sql`${deletionJobs.attempts} + 1`,
          lastError: error instanceof Error ? error.name : 'unknown',
        })
        .where(eq(deletionJobs.id, jobId));
      // No names or keys in the log: the job id is enough to find it.
      console.error(`[deletion] job ${jobId}: ${left.length} object(s) left, will retry`);
      return 'pending';
    }
  });
}

/** Part of the hourly sweep: retries pending deletion jobs (every instance; a job is idempotent). */
export async function retryDeletionJobs(database: Db): Promise<number> {
  const pending = await database
    .select({ id: deletionJobs.id })
    .from(deletionJobs)
    .where(eq(deletionJobs.status, 'pending'))
    .orderBy(asc(deletionJobs.createdAt))
    .limit(100);
  let done = 0;
  for (const j of pending) if ((await runDeletionJob(database, j.id)) === 'done') done++;
  return done;
}
