import type { Ctx } from '../ctx';
import { DomainError } from '../errors';
import { startUpload, type PresignedUpload } from '../uploads/start';
import { resolveTarget, type UploadTarget } from './place';

export interface DocumentUploadInput extends Omit<UploadTarget, 'contactId'> {
  /** Employees name the contact; a client uploads into their own folder (another id is not found). */
  contactId?: string | null;
  filename: string;
  contentType: string;
  size: number;
}

/**
 * Step 1 of a document or KOMMUNIKATION attachment upload: the pipeline's presigned POST, only for someone
 * who may add a file to that place (checked in the same transaction as the `uploads` row).
 */
export async function presignDocumentUpload(ctx: Ctx, input: DocumentUploadInput): Promise<PresignedUpload> {
  const contactId = input.contactId || (ctx.actor.kind === 'client' ? ctx.actor.id : null);
  if (!contactId) throw new DomainError('invalid', 'uploads.errors.noContact');
  const target = { contactId, area: input.area, contractId: input.contractId || null };
  const purpose = input.area === 'communication' ? 'tickets' : 'documents';
  return startUpload(
    ctx,
    { purpose, filename: input.filename, contentType: input.contentType, size: input.size },
    async (tx) => {
      await resolveTarget(tx, target);
    },
  );
}
