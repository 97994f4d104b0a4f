import { and, desc, eq } from 'drizzle-orm';
import { canImport, canSeeImportJob, isAdmin } from '../access/employee';
import { requireRight } from '../access/require';
import { audit } from '../audit';
import { withTransaction, type Ctx } from '../ctx';
import { importJobs, type ImportJob } from '../db/schema';
import { DomainError } from '../errors';
import { claimUploads, consumeUploads, dropUploadObjects, releaseClaimed, startUpload } from '../uploads';
import type { CreateImportInput, PresignImportInput } from './schemas';

export const importNotFound = () => new DomainError('not_found', 'import.errors.notFound');

/** HOCHLADEN, step 1: the presigned POST of the upload pipeline (purpose 'import', ≤ 100 MB). */
export async function presignImport(ctx: Ctx, input: PresignImportInput) {
  requireRight(canImport(ctx.actor), 'import.errors.forbidden');
  return startUpload(ctx, { purpose: 'import', ...input });
}

/**
 * HOCHLADEN, step 2: the checked copy becomes a job ('hochgeladen'). Contacts wait for the column mapping;
 * a GDV file goes straight to the check.
 */
export async function createImport(ctx: Ctx, input: CreateImportInput): Promise<{ id: string }> {
  requireRight(canImport(ctx.actor), 'import.errors.forbidden');
  const claimed = await claimUploads(ctx, [input.uploadId], 'import', { field: 'file' });
  const file = claimed[0]!;
  try {
    const id = await withTransaction(ctx, async (tx) => {
      await consumeUploads(tx, claimed);
      const [job] = await tx.db
        .insert(importJobs)
        .values({
          tenantId: ctx.tenant.id,
          createdBy: ctx.actor.id,
          kind: input.kind,
          fileKeys: [file.key],
          fileName: file.filename,
          sizeBytes: file.size,
          work: input.kind === 'gdv' ? 'check' : null,
        })
        .returning({ id: importJobs.id });
      await audit(tx.db, {
        tenantId: ctx.tenant.id,
        actorType: 'user',
        actorId: ctx.actor.id,
        action: 'import.uploaded',
        targetType: 'import',
        targetId: job!.id,
        meta: { kind: input.kind, file: file.filename, size: file.size },
      });
      return job!.id;
    });
    await dropUploadObjects(ctx, claimed);
    return { id };
  } catch (error) {
    await releaseClaimed(ctx, claimed);
    throw error;
  }
}

/** One job the actor may see (else not found); `lock` for a state change inside a transaction. */
export async function importJob(ctx: Ctx, id: string, lock = false): Promise<ImportJob> {
  requireRight(canImport(ctx.actor), 'import.errors.forbidden');
  const q = ctx.db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.tenantId, ctx.tenant.id), eq(importJobs.id, id)));
  const [job] = lock ? await q.for('update') : await q;
  if (!job || !canSeeImportJob(ctx.actor, job)) throw importNotFound();
  return job;
}

/** The import list (newest first): all of the tenant's for admins, one's own otherwise. */
export async function listImports(ctx: Ctx, limit = 20): Promise<ImportJob[]> {
  requireRight(canImport(ctx.actor), 'import.errors.forbidden');
  const own = isAdmin(ctx.actor) ? undefined : eq(importJobs.createdBy, ctx.actor.id);
  return ctx.db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.tenantId, ctx.tenant.id), own))
    .orderBy(desc(importJobs.createdAt))
    .limit(limit);
}
