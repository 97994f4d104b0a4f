import { db } from '../db/client';
import { env } from '../env';
import { configuredSender } from './sender';
import { startMailWorker } from './worker';

const globalRef = globalThis as unknown as { __mappeWorker?: () => Promise<void> };

export function startBackgroundWork(): void {
  if (globalRef.__mappeWorker || !env().MAIL_WORKER) return;
  try {
    globalRef.__mappeWorker = startMailWorker(db(), configuredSender());
  } catch (error) {
    console.error('[mail-worker] not started:', error instanceof Error ? error.message : error);
  }
}
