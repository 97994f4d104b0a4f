/**
 * The uploaded import file holds personal data of many contacts (issue 14): it lives only as long as the job
 * needs it. The source object in S3 is deleted when the job reaches a final state (übernommen, abgebrochen,
 * rückgängig – the review, report and undo work on import_rows, never on the file again), and a job left
 * idle in hochgeladen / geprüft for `importFileRetentionDays` is cancelled by the sweeper and its file deleted.
 * `file_keys` is emptied once the objects are gone, so a failed delete is simply tried again next sweep.
 */
import { sql } from 'drizzle-orm';
import { auditMany } from '../audit';
import type { Db, Tx } from '../db/client';
import { deleteObject } from '../storage';

/** Days an abandoned job (never applied nor cancelled) keeps its uploaded file. */
export const importFileRetentionDays = 14;
export const finalImportStates = ['applied', 'cancelled', 'undone'] as const;

type Remove = (tenantId: string, key: string) => Promise<void>;

/** Cancels jobs idle past the retention period (the user's review is abandoned); returns them for the audit. */
async function cancelAbandoned(database: Db, days: number): Promise<number> {
  const rows = await database.execute<{ id: string; tenant_id: string }>(sql`
    UPDATE import_jobs SET state = 'cancelled', error = 'import.errors.expired', updated_at = now()
    WHERE state IN ('uploaded', 'checked') AND work IS NULL AND claimed_by IS NULL
      AND updated_at < now() - make_interval(days => ${days})
    RETURNING id, tenant_id`);
  await auditMany(
    database,
    rows.map((r) => ({
      tenantId: r.tenant_id,
      actorType: 'system' as const,
      action: 'import.expired',
      targetType: 'import',
      targetId: r.id,
      meta: { retentionDays: days },
    })),
  );
  return rows.length;
}

/**
 * Deletes the source objects of the given jobs (or of every job in a final state that still has any) and
 * empties their file_keys; an object that cannot be deleted now keeps its key for the next round.
 */
export async function releaseImportFiles(
  database: Tx,
  jobIds?: string[],
  remove: Remove = deleteObject,
): Promise<number> {
  if (jobIds?.length === 0) return 0;
  const only = jobIds ? sql`AND id IN ${jobIds}` : sql``;
  return database.transaction(async (tx) => {
    const jobs = await tx.execute<{ id: string; tenant_id: string; file_keys: string[] }>(sql`
      SELECT id, tenant_id, file_keys FROM import_jobs
      WHERE state IN ('applied', 'cancelled', 'undone') AND jsonb_array_length(file_keys) > 0 ${only}
      ORDER BY updated_at LIMIT 200 FOR UPDATE SKIP LOCKED`);
    let removed = 0;
    for (const job of jobs) {
      const left: string[] = [];
      for (const key of job.file_keys) {
        try {
          await remove(job.tenant_id, key);
          removed++;
        } catch (error) {
          console.error(`[import] could not delete a source file:`, error instanceof Error ? error.name : 'unknown');
          left.push(key);
        }
      }
      await tx.execute(sql`UPDATE import_jobs SET file_keys = ${JSON.stringify(left)}::jsonb WHERE id = ${job.id}`);
    }
    return removed;
  });
}

/** The sweeper's part: abandoned jobs cancelled, then every final job's source objects deleted. */
export async function sweepImportFiles(
  database: Db,
  options: { days?: number; remove?: Remove } = {},
): Promise<number> {
  await cancelAbandoned(database, options.days ?? importFileRetentionDays);
  return releaseImportFiles(database, undefined, options.remove);
}
