import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../ctx';
import { uploads } from '../db/schema';
import { DomainError } from '../errors';
import { translate } from '../i18n';
import { verifyUpload } from '../storage';
import { reasonKey } from './errors';
import { uploadPurposes, type UploadPurpose } from './purposes';
import { deleteObjectsQuietly } from './objects';

export interface UploadRef {
  id: string;
  /** Which rules the check applies (the claim checks the copy again by the purpose it is used for). */
  purpose?: UploadPurpose;
}

export type CheckResult = { ok: true; mime: string; size: number } | { ok: false; message: string };

/** One of the actor's own pending uploads (nobody else's: another account gets `null`). */
export async function ownUpload(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(uploads)
    .where(and(eq(uploads.tenantId, ctx.tenant.id), eq(uploads.userId, ctx.actor.id), eq(uploads.id, id)))
    .limit(1);
  return row ?? null;
}

/**
 * Step 2 (right after the browser's POST): size and real type by the bytes, so the person sees at once
 * whether the file is accepted (the answer is data, in the reader's language). A refused object and its
 * row are removed; a file that has not arrived (yet) keeps its row for another try.
 */
export async function checkUpload(ctx: Ctx, { id, purpose = 'documents' }: UploadRef): Promise<CheckResult> {
  const row = await ownUpload(ctx, id);
  if (!row) throw new DomainError('not_found', 'uploads.errors.unknown', { field: 'file' });
  const rules = uploadPurposes[purpose];
  const result = await verifyUpload({
    tenantId: ctx.tenant.id,
    key: row.objectKey,
    maxBytes: Math.min(row.maxBytes, rules.maxBytes),
    allowed: rules.types,
  });
  if (result.ok) return { ok: true, mime: result.mime, size: result.size };
  if (result.reason !== 'missing') await ctx.db.delete(uploads).where(eq(uploads.id, row.id));
  return { ok: false, message: translate(ctx.locale, reasonKey(purpose, result.reason)) };
}

/** The × next to a chosen file: removes one's own unfinished upload (someone else's: nothing happens). */
export async function discardUpload(ctx: Ctx, { id }: UploadRef): Promise<void> {
  const row = await ownUpload(ctx, id);
  if (!row) return;
  await ctx.db.delete(uploads).where(eq(uploads.id, row.id));
  await deleteObjectsQuietly(ctx.tenant.id, [row.objectKey]);
}
