import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { importJobs, type ImportCounts, type ImportJob } from '../db/schema';

/** Our lease ran out and another instance holds the job: stop at once (the batch's transaction rolls back). */
export class LeaseLost extends Error {
  constructor(jobId: string) {
    super(`import job ${jobId}: lease lost`);
  }
}

export const leaseSeconds = 60;

/**
 * Renews the job's lease for `owner` (and writes the progress) – inside the batch's transaction, so a batch
 * is only committed while we still hold the job.
 */
export async function renewLease(
  tx: Tx,
  jobId: string,
  owner: string,
  patch: Partial<Pick<ImportJob, 'counts' | 'options'>> = {},
): Promise<void> {
  const rows = await tx
    .update(importJobs)
    .set({
      ...patch,
      claimedUntil: sql`now() + make_interval(secs => ${leaseSeconds})`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(importJobs.id, jobId), eq(importJobs.claimedBy, owner)))
    .returning({ id: importJobs.id });
  if (rows.length === 0) throw new LeaseLost(jobId);
}

/** Ends the work: new state, counts, lease given back. */
export async function finishWork(
  tx: Tx,
  jobId: string,
  owner: string,
  set: Partial<Pick<ImportJob, 'state' | 'error'>> & {
    counts: ImportCounts;
    stamp?: 'checkedAt' | 'appliedAt' | 'undoneAt';
  },
): Promise<void> {
  const { stamp, ...rest } = set;
  const rows = await tx
    .update(importJobs)
    .set({
      ...rest,
      ...(stamp ? { [stamp]: sql`now()` } : {}),
      work: null,
      claimedBy: null,
      claimedUntil: null,
      attempts: 0,
      updatedAt: sql`now()`,
    })
    .where(and(eq(importJobs.id, jobId), eq(importJobs.claimedBy, owner)))
    .returning({ id: importJobs.id });
  if (rows.length === 0) throw new LeaseLost(jobId);
}
