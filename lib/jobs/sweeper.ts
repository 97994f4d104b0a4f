import type { Db } from '../db/client';
import { sweepImportFiles } from '../import/retention';
import { sweepUploads } from '../uploads/sweep';
import { retryDeletionJobs } from './deletion';
import { runFollowUpMails } from './follow-ups';
import { clearDeliveredBodies } from './outbox';
import { runDeadlineReminders } from './reminders';

export const sweepEveryMs = 60 * 60 * 1000;

export interface SweepResult {
  uploads: number;
  deletions: number;
  mailBodies: number;
  reminders: number;
  followUps: number;
  importFiles: number;
}

/**
 * The hourly sweep, in every instance (each part is idempotent and claims its rows): uploads never
 * finalised within 24 h, deletion jobs whose storage step failed, bodies of delivered mails, FRISTEN
 * reminders, the due-day mails of WIEDERVORLAGEN and import source files past their purpose. One part
 * failing (e.g. storage down) does not stop the others; it is tried again next hour.
 */
export async function sweep(database: Db): Promise<SweepResult> {
  const parts = [
    ['uploads', () => sweepUploads(database)],
    ['deletions', () => retryDeletionJobs(database)],
    ['mailBodies', () => clearDeliveredBodies(database)],
    ['reminders', () => runDeadlineReminders(database)],
    ['followUps', () => runFollowUpMails(database)],
    ['importFiles', () => sweepImportFiles(database)],
  ] as const;
  const result: SweepResult = { uploads: 0, deletions: 0, mailBodies: 0, reminders: 0, followUps: 0, importFiles: 0 };
  for (const [name, run] of parts) {
    try {
      result[name] = await run();
    } catch (error) {
      console.error(`[sweeper] ${name} failed:`, error instanceof Error ? error.name : 'unknown');
    }
  }
  return result;
}

/** Runs the sweep now and then every hour; returns a stop function. */
export function startSweeper(database: Db, intervalMs = sweepEveryMs): () => void {
  const run = () =>
    sweep(database).then((r) => {
      if (r.uploads > 0) console.info(`[sweeper] removed ${r.uploads} unfinished upload(s)`);
    });
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref?.();
  void run();
  return () => clearInterval(timer);
}
