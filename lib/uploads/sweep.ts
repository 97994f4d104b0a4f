import { lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { uploads } from '../db/schema';
import { deleteObject } from '../storage';
import { uploadLimits } from './purposes';

/**
 * The sweeper (a job: it takes the database, not a request's context): uploads of every purpose –
 * documents, attachments, LOGO/FAVICON, screenshots – never finalised within 24 h are removed with their
 * objects. Idempotent: a row is deleted once (DELETE … RETURNING), a missing object is no error.
 */
export async function sweepUploads(
  database: Db,
  olderThanHours: number = uploadLimits.sweepAfterHours,
): Promise<number> {
  const stale = await database
    .delete(uploads)
    .where(lt(uploads.createdAt, sql`now() - make_interval(hours => ${olderThanHours})`))
    .returning({ tenantId: uploads.tenantId, key: uploads.objectKey });
  for (const s of stale) {
    try {
      await deleteObject(s.tenantId, s.key);
    } catch {
      /* the object may never have been uploaded */
    }
  }
  return stale.length;
}
