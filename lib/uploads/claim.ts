import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../ctx';
import { uploads } from '../db/schema';
import { DomainError } from '../errors';
import { copyObject, objectKey, verifyUpload } from '../storage';
import { fileRejected, unknownUpload, type RejectReason } from './errors';
import { deleteObjectsQuietly } from './objects';
import { uploadPurposes, type UploadPurpose } from './purposes';
import { reserveQuota, type QuotaOwner } from './quota';

export interface ClaimedFile {
  uploadId: string;
  uploadKey: string;
  filename: string;
  /** The server-chosen final key of the checked copy (out of reach of the presigned POST). */
  key: string;
  mime: string;
  size: number;
}

export interface ClaimOptions {
  /** The form field refusals belong to (documents/tickets: 'uploads', support: 'screenshots', branding: 'file'). */
  field?: string;
}

/** Folder files name the refused file ("scan.pdf: Die Datei ist leer."); one-file purposes say it plainly. */
function refusal(purpose: UploadPurpose, filename: string, reason: RejectReason, field: string): DomainError {
  if (purpose === 'documents' || purpose === 'tickets') {
    const which = reason === 'too-large' ? 'tooLarge' : reason;
    return new DomainError('file_rejected', 'uploads.errors.named', {
      field,
      values: { filename, reason: which },
      detail: { reason },
    });
  }
  return fileRejected(purpose, reason, field);
}

/**
 * Takes the actor's finished uploads for a purpose: each is copied inside S3 to a final key chosen here
 * (so a second POST with the still valid presigned form cannot change it any more) and the copy's bytes
 * are checked against the purpose's rules. An id that is not the actor's own pending upload is refused
 * (another employee's, another tenant's, swept, used). On any refusal the copies go, the refused upload
 * too. Nothing is written to the database but the refused row's removal: the caller writes its rows and
 * `consumeUploads` in one transaction.
 */
export async function claimUploads(
  ctx: Ctx,
  ids: readonly string[],
  purpose: UploadPurpose,
  options: ClaimOptions = {},
): Promise<ClaimedFile[]> {
  const field = options.field ?? (purpose === 'documents' || purpose === 'tickets' ? 'uploads' : 'file');
  if (ids.length === 0) return [];
  const tenantId = ctx.tenant.id;
  const rules = uploadPurposes[purpose];
  const rows = await ctx.db
    .select()
    .from(uploads)
    .where(and(eq(uploads.tenantId, tenantId), eq(uploads.userId, ctx.actor.id), inArray(uploads.id, [...ids])));
  if (rows.length !== new Set(ids).size) throw unknownUpload(field);
  const claimed: ClaimedFile[] = [];
  try {
    for (const id of ids) {
      const upload = rows.find((r) => r.id === id)!;
      const key = objectKey(tenantId, rules.area);
      try {
        await copyObject(tenantId, upload.objectKey, key);
      } catch {
        throw refusal(purpose, upload.filename, 'missing', field);
      }
      const checked = await verifyUpload({
        tenantId,
        key,
        maxBytes: Math.min(upload.maxBytes, rules.maxBytes),
        allowed: rules.types,
      });
      if (!checked.ok) {
        await ctx.db.delete(uploads).where(eq(uploads.id, upload.id));
        await deleteObjectsQuietly(tenantId, [upload.objectKey]);
        throw refusal(purpose, upload.filename, checked.reason, field);
      }
      claimed.push({
        uploadId: upload.id,
        uploadKey: upload.objectKey,
        filename: upload.filename,
        key,
        mime: checked.mime,
        size: checked.size,
      });
    }
    return claimed;
  } catch (error) {
    await releaseClaimed(ctx, claimed);
    throw error;
  }
}

/**
 * Inside the writing transaction (`ctx.db` is the tx): the upload rows are consumed exactly once (a
 * concurrent second use fails and rolls the caller's rows back), and the storage quota is reserved for
 * the bytes (per client when `owner.contactId` is given, always per tenant).
 */
export async function consumeUploads(ctx: Ctx, claimed: readonly ClaimedFile[], owner: QuotaOwner = {}): Promise<void> {
  if (claimed.length === 0) return;
  const ids = claimed.map((c) => c.uploadId);
  const consumed = await ctx.db
    .delete(uploads)
    .where(and(eq(uploads.tenantId, ctx.tenant.id), eq(uploads.userId, ctx.actor.id), inArray(uploads.id, ids)))
    .returning({ id: uploads.id });
  if (consumed.length !== ids.length) throw unknownUpload();
  await reserveQuota(
    ctx,
    owner,
    claimed.reduce((sum, c) => sum + c.size, 0),
  );
}

/** After a failed write: the checked copies go. */
export async function releaseClaimed(ctx: Pick<Ctx, 'tenant'>, claimed: readonly ClaimedFile[]): Promise<void> {
  await deleteObjectsQuietly(
    ctx.tenant.id,
    claimed.map((c) => c.key),
  );
}

/** After the commit: the original upload objects go (the copies are now referenced by rows). */
export async function dropUploadObjects(ctx: Pick<Ctx, 'tenant'>, claimed: readonly ClaimedFile[]): Promise<void> {
  await deleteObjectsQuietly(
    ctx.tenant.id,
    claimed.map((c) => c.uploadKey),
  );
}
