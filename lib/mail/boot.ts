import { db } from '../db/client';
import { sweepUploads } from '../documents';
import { retryDeletionJobs } from '../privacy';
import { env } from '../env';
import { configuredSender, noMailProviderWarning } from './sender';
import { startMailWorker } from './worker';

const globalRef = globalThis as unknown as { __mappeWorker?: () => Promise<void>; __mappeSweeper?: NodeJS.Timeout };

/** Background work of every server process: the outbox mail worker and the sweeper of unfinished uploads. */
export function startBackgroundWork(): void {
  if (globalRef.__mappeWorker || !env().MAIL_WORKER) return;
  try {
    const sender = configuredSender();
    if (sender) globalRef.__mappeWorker = startMailWorker(db(), sender);
    else console.warn(noMailProviderWarning);
  } catch (error) {
    console.error('[mail-worker] not started:', error instanceof Error ? error.message : error);
  }
  // Hourly in every process (both idempotent): uploads never finalised within 24 h are removed; deletion
  // jobs whose storage step failed are retried.
  const sweep = () =>
    Promise.all([sweepUploads(db()), retryDeletionJobs(db())]).then(([n]) => n).then(
      (n) => (n > 0 ? console.info(`[sweeper] removed ${n} unfinished upload(s)`) : undefined),
      (error) => console.error('[sweeper] failed:', error instanceof Error ? error.name : 'unknown'),
    );
  globalRef.__mappeSweeper ??= setInterval(sweep, 60 * 60 * 1000);
  globalRef.__mappeSweeper.unref();
  void sweep();
}
