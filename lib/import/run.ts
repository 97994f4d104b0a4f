import type { Db } from '../db/client';
import type { ImportJob } from '../db/schema';
import { runApply, runUndo } from './run-apply';
import { releaseImportFiles } from './retention';
import { runCheck } from './run-check';

/** Runs the claimed job's pending work (the worker holds its lease). */
export async function runImportWork(database: Db, job: ImportJob, owner: string): Promise<void> {
  if (job.work === 'check') await runCheck(database, job, owner);
  else if (job.work === 'apply') await runApply(database, job, owner);
  else if (job.work === 'undo') await runUndo(database, job, owner);
  // Übernommen / rückgängig: the source file (personal data) has served its purpose. A failure here is
  // retried by the sweeper (lib/import/retention.ts), the job itself is done.
  if (job.work === 'apply' || job.work === 'undo')
    await releaseImportFiles(database, [job.id]).catch((e: unknown) =>
      console.error('[import] source file kept for the sweeper:', e instanceof Error ? e.message : e),
    );
}
