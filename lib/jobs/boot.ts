import { db } from '../db/client';
import { env } from '../env';
import { configuredSender, noMailProviderWarning } from '../mail/sender';
import { startMailWorker } from './outbox';
import { startImportWorker } from './imports';
import { startSweeper } from './sweeper';
import { startDeadlineWorker } from '../deadline-store';

const globalRef = globalThis as unknown as {
  __mappeWorker?: () => Promise<void>;
  __mappeSweeper?: () => void;
  __mappeImports?: () => Promise<void>;
  __mappeDeadlines?: () => void;
};

/**
 * Background work of every server process (started from instrumentation.ts): the outbox mail worker and
 * the hourly sweeper. Safe with many processes: every job claims its rows with SKIP LOCKED.
 */
export function startBackgroundWork(): void {
  if (globalRef.__mappeWorker || !env().MAIL_WORKER) return;
  try {
    const sender = configuredSender();
    // Production without RESEND_API_KEY and without the local mailbox: say so loudly; mails stay pending
    // in the outbox and go out once a key is configured.
    if (sender) globalRef.__mappeWorker = startMailWorker(db(), sender);
    else console.warn(noMailProviderWarning);
  } catch (error) {
    console.error('[mail-worker] not started:', error instanceof Error ? error.message : error);
  }
  globalRef.__mappeSweeper ??= startSweeper(db());
  // IMPORTIEREN: jobs are claimed with SKIP LOCKED and a lease, so every instance may run this.
  globalRef.__mappeImports ??= startImportWorker(db());
  // FRISTEN: recomputes changed contracts (and the daily roll) every 30 s; SKIP LOCKED, any instance.
  globalRef.__mappeDeadlines ??= startDeadlineWorker(db());
}
