import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import type { ImportCounts } from '../db/schema';

/** The job's counts from its rows (status, applied, refused, undone, left). */
export async function countRows(tx: Tx, jobId: string, extra: Record<string, number> = {}): Promise<ImportCounts> {
  const [r] = await tx.execute<Record<string, string>>(sql`
    SELECT count(*) AS total,
      count(*) FILTER (WHERE status = 'new') AS new,
      count(*) FILTER (WHERE status = 'changed') AS changed,
      count(*) FILTER (WHERE status = 'unchanged') AS unchanged,
      count(*) FILTER (WHERE status = 'error') AS error,
      count(*) FILTER (WHERE excluded) AS excluded,
      count(*) FILTER (WHERE applied_at IS NOT NULL) AS applied,
      count(*) FILTER (WHERE apply_error IS NOT NULL) AS refused,
      count(*) FILTER (WHERE undo_outcome = 'undone') AS undone,
      count(*) FILTER (WHERE undo_outcome = 'left') AS "left"
    FROM import_rows WHERE job_id = ${jobId}`);
  const n = (k: string) => Number(r?.[k] ?? 0);
  return {
    total: n('total'),
    new: n('new'),
    changed: n('changed'),
    unchanged: n('unchanged'),
    error: n('error'),
    excluded: n('excluded'),
    applied: n('applied'),
    refused: n('refused'),
    undone: n('undone'),
    left: n('left'),
    done: 0,
    ...extra,
  };
}
