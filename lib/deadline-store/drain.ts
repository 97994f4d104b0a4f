/**
 * The queue of contracts to (re)compute: dirty ones (the trigger, due '-infinity') and the daily roll (a
 * contract whose earliest stored deadline passed: the Hauptfälligkeit rolls forward). Claimed with
 * FOR UPDATE SKIP LOCKED in batches, so any number of workers and requests may drain at once.
 */
import { and, asc, eq, lte } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { contractDeadlineQueue } from '../db/schema';
import { type CalendarDate, toIso } from '../deadlines';
import { recomputeContracts } from './compute';
import { todayInGermany } from './today';

export const drainBatch = 500;

/** One batch in one transaction; the number of contracts it recomputed. */
export async function drainOnce(
  database: Db | Tx,
  options: { tenantId?: string; today?: CalendarDate; limit?: number } = {},
): Promise<number> {
  const today = options.today ?? todayInGermany();
  return database.transaction(async (tx) => {
    const claimed = await tx
      .select({ id: contractDeadlineQueue.contractId })
      .from(contractDeadlineQueue)
      .where(
        and(
          options.tenantId ? eq(contractDeadlineQueue.tenantId, options.tenantId) : undefined,
          lte(contractDeadlineQueue.dueOn, toIso(today)),
        ),
      )
      .orderBy(asc(contractDeadlineQueue.dueOn))
      .limit(options.limit ?? drainBatch)
      .for('update', { skipLocked: true });
    if (claimed.length === 0) return 0;
    await recomputeContracts(
      tx,
      claimed.map((c) => c.id),
      today,
    );
    return claimed.length;
  });
}

/**
 * Before a read of the stored deadlines (list, count, feed, reminders): the tenant's dirty contracts, up to
 * `max` (a form's save or a small import shows at once; a big import is finished by the worker).
 */
export async function catchUp(database: Db | Tx, tenantId: string, today?: CalendarDate, max = 2000): Promise<void> {
  let done = 0;
  while (done < max) {
    const n = await drainOnce(database, { tenantId, today, limit: Math.min(drainBatch, max - done) });
    if (n === 0) return;
    done += n;
  }
}

/** The worker: drains every tenant's queue until nothing is due; the number of contracts recomputed. */
export async function drainAll(database: Db, today?: CalendarDate): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await drainOnce(database, { today });
    total += n;
    if (n < drainBatch) return total;
  }
}

/** Recomputes a contract in the writer's transaction (the advisor sees the new deadline at once). */
export async function refreshContract(tx: Tx, contractId: string, today?: CalendarDate): Promise<void> {
  await recomputeContracts(tx, [contractId], today ?? todayInGermany());
}

/** Runs the worker every `intervalMs` (30 s); returns a stop function. */
export function startDeadlineWorker(database: Db, intervalMs = 30_000): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await drainAll(database);
    } catch (error) {
      console.error('[deadlines] recompute failed:', error instanceof Error ? error.name : 'unknown');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref?.();
  void run();
  return () => clearInterval(timer);
}
