import { and, count, eq } from 'drizzle-orm';
import { withTransaction, type Ctx } from '../ctx';
import { uploads } from '../db/schema';
import { DomainError } from '../errors';
import { objectKey, presignUpload } from '../storage';
import { fileRejected } from './errors';
import { cleanFilename } from './names';
import { normaliseType, uploadLimits, uploadPurposes, type UploadPurpose } from './purposes';

export interface StartUploadInput {
  purpose: UploadPurpose;
  filename: string;
  contentType: string;
  size: number;
  /** The form field a refusal belongs next to (default 'file'). */
  field?: string;
}

export interface PresignedUpload {
  id: string;
  url: string;
  fields: Record<string, string>;
}

/** The declared type and size against the purpose's rules (the bytes are checked later, twice). */
export function checkDeclared({ purpose, contentType, size, field }: Omit<StartUploadInput, 'filename'>): void {
  const rules = uploadPurposes[purpose];
  if (!(rules.types as readonly string[]).includes(normaliseType(contentType)))
    throw fileRejected(purpose, 'type', field);
  if (!Number.isFinite(size) || size <= 0) throw fileRejected(purpose, 'empty', field);
  if (size > rules.maxBytes) throw fileRejected(purpose, 'too-large', field);
}

/**
 * Step 1 of every upload: an `uploads` row (who may finalise it, what was declared) and a presigned POST
 * straight to S3 (key chosen here, content type pinned, size limited). The bytes never pass through the
 * app server. `authorize` is the domain's right to upload there (folder place, WHITELABEL, support); it
 * runs in the same transaction as the row, after the declared file was found acceptable.
 */
export async function startUpload(
  ctx: Ctx,
  input: StartUploadInput,
  authorize?: (ctx: Ctx) => Promise<void>,
): Promise<PresignedUpload> {
  checkDeclared(input);
  const { tenant, actor } = ctx;
  const rules = uploadPurposes[input.purpose];
  const key = objectKey(tenant.id, 'uploads');
  const id = await withTransaction(ctx, async (tx) => {
    if (authorize) await authorize(tx);
    const [pending] = await tx.db
      .select({ n: count() })
      .from(uploads)
      .where(and(eq(uploads.tenantId, tenant.id), eq(uploads.userId, actor.id)));
    if ((pending?.n ?? 0) >= uploadLimits.maxPending) {
      throw new DomainError('rate_limited', 'uploads.errors.pending', {
        field: input.field ?? 'file',
        detail: { reason: 'pending' },
      });
    }
    const [row] = await tx.db
      .insert(uploads)
      .values({
        tenantId: tenant.id,
        userId: actor.id,
        objectKey: key,
        filename: cleanFilename(input.filename),
        declaredType: input.contentType,
        declaredSize: input.size,
        maxBytes: rules.maxBytes,
      })
      .returning({ id: uploads.id });
    return row!.id;
  });
  const post = await presignUpload({
    tenantId: tenant.id,
    key,
    contentType: input.contentType,
    maxBytes: rules.maxBytes,
  });
  return { id, url: post.url, fields: post.fields };
}
