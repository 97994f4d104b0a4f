import { audit } from '../audit';
import type { Ctx } from '../ctx';
import { previewable } from '../uploads/names';
import { openFile, type OpenedFile } from './open';

/**
 * "Wer hat das gesehen?": opening a document file is audited on its contact – 'document.viewed' for the
 * inline preview, 'document.downloaded' for the attachment. Range requests that continue a transfer
 * (a PDF viewer fetching the rest) are not counted again; only the first part (no range, or from byte 0).
 */
export async function openFileAudited(
  ctx: Ctx,
  id: string,
  request: { wantsInline: boolean; range?: string | null },
): Promise<OpenedFile | null> {
  const file = await openFile(ctx, { id });
  if (!file) return null;
  // The same decision as the response's (lib/uploads/serve.ts): inline only for a previewable type.
  const inline = request.wantsInline && previewable(file.mime) !== null;
  const continuation = request.range ? !/^bytes=0-/.test(request.range) : false;
  if (!continuation)
    await audit(ctx.db, {
      tenantId: ctx.tenant.id,
      actorType: 'user',
      actorId: ctx.actor.id,
      action: inline ? 'document.viewed' : 'document.downloaded',
      targetType: 'contact',
      targetId: file.contactId,
      meta: {
        documentId: file.documentId,
        fileId: file.id,
        title: file.title,
        area: file.area,
        filename: file.filename,
      },
    });
  return file;
}
