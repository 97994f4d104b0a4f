import { presignDocumentUpload } from '@/lib/documents/presign';
import { documentUploadSchema } from '@/lib/documents/schemas';
import { translate } from '@/lib/i18n';
import { badRequest, uploadRoute } from '@/lib/uploads/http';

/** Step 1 of a document upload: a presigned POST for one file (the bytes go straight to S3). */
export async function POST(request: Request) {
  const parsed = documentUploadSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return badRequest();
  return uploadRoute('uploads.start', async (ctx) => {
    // An employee must name the contact; the answer is a message, not a refusal of the request.
    // A client always uploads into their own folder, whatever the body names.
    const contactId = ctx.actor.kind === 'client' ? ctx.actor.id : parsed.data.contactId;
    if (!contactId) return { ok: false, code: 'invalid', message: translate(ctx.locale, 'uploads.errors.noContact') };
    return { ok: true, ...(await presignDocumentUpload(ctx, { ...parsed.data, contactId })) };
  });
}
