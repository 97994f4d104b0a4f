import { and, eq, inArray } from 'drizzle-orm';
import { DomainError } from '../actions/domain-error';
import type { Actor } from '../contracts';
import type { Db, Tx } from '../db/client';
import { uploads } from '../db/schema';
import { copyObject, objectKey, verifyUpload } from '../storage';
import { deleteObjectsQuietly } from './cleanup';
import { documentUpload, uploadMessages } from './rules';

export interface ClaimedFile {
  uploadId: string;
  uploadKey: string;
  filename: string;
  key: string;
  mime: string;
  size: number;
}

function messageFor(reason: 'missing' | 'empty' | 'too-large' | 'type'): string {
  return reason === 'too-large' ? uploadMessages.size : uploadMessages[reason];
}

/**
 * Takes the actor's finished uploads: each is copied inside S3 to its final key under `area` (out of reach
 * of the presigned POST) and the copy's bytes are checked. On any refusal the copies are removed, the
 * refused upload too, and a German DomainError names the file. Nothing is written to the database here.
 */
export async function claimUploads(database: Db, tenantId: string, actor: Actor, ids: readonly string[], area: 'documents' | 'tickets'): Promise<ClaimedFile[]> {
  if (ids.length === 0) return [];
  const rows = await database.select().from(uploads).where(and(eq(uploads.tenantId, tenantId), eq(uploads.userId, actor.id), inArray(uploads.id, [...ids])));
  if (rows.length !== new Set(ids).size) throw new DomainError('invalid', uploadMessages.unknown, 'uploads');
  const claimed: ClaimedFile[] = [];
  try {
    for (const id of ids) {
      const upload = rows.find((r) => r.id === id)!;
      const key = objectKey(tenantId, area);
      try {
        await copyObject(tenantId, upload.objectKey, key);
      } catch {
        throw new DomainError('invalid', `${upload.filename}: ${uploadMessages.missing}`, 'uploads');
      }
      const checked = await verifyUpload({ tenantId, key, maxBytes: upload.maxBytes, allowed: documentUpload.types });
      if (!checked.ok) {
        await database.delete(uploads).where(eq(uploads.id, upload.id));
        await deleteObjectsQuietly(tenantId, [upload.objectKey]);
        throw new DomainError('invalid', `${upload.filename}: ${messageFor(checked.reason)}`, 'uploads');
      }
      claimed.push({ uploadId: upload.id, uploadKey: upload.objectKey, filename: upload.filename, key, mime: checked.mime, size: checked.size });
    }
    return claimed;
  } catch (error) {
    await releaseClaimed(tenantId, claimed);
    throw error;
  }
}

/** Inside the writing transaction: the upload rows are consumed exactly once (a concurrent second use fails). */
export async function consumeUploads(tx: Tx, tenantId: string, actor: Actor, claimed: readonly ClaimedFile[]): Promise<void> {
  if (claimed.length === 0) return;
  const ids = claimed.map((c) => c.uploadId);
  const consumed = await tx
    .delete(uploads)
    .where(and(eq(uploads.tenantId, tenantId), eq(uploads.userId, actor.id), inArray(uploads.id, ids)))
    .returning({ id: uploads.id });
  if (consumed.length !== ids.length) throw new DomainError('invalid', uploadMessages.unknown, 'uploads');
}

/** After a failed write: the copies go. */
export async function releaseClaimed(tenantId: string, claimed: readonly ClaimedFile[]): Promise<void> {
  await deleteObjectsQuietly(
    tenantId,
    claimed.map((c) => c.key),
  );
}

/** After the commit: the original upload objects go. */
export async function dropUploadObjects(tenantId: string, claimed: readonly ClaimedFile[]): Promise<void> {
  await deleteObjectsQuietly(
    tenantId,
    claimed.map((c) => c.uploadKey),
  );
}
