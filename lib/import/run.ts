import type { Db } from '../db/client';
import type { ImportJob } from '../db/schema';
import { runApply, runUndo } from './run-apply';
import { runCheck } from './run-check';

/** Runs the claimed job's pending work (the worker holds its lease). */
export async function runImportWork(database: Db, job: ImportJob, owner: string): Promise<void> {
  if (job.work === 'check') await runCheck(database, job, owner);
  else if (job.work === 'apply') await runApply(database, job, owner);
  else if (job.work === 'undo') await runUndo(database, job, owner);
}
