import { uuidField } from '@/lib/forms/fields';
import { checkUpload, discardUpload } from '@/lib/uploads/check';
import { badRequest, uploadRoute } from '@/lib/uploads/http';

/** Step 2: after the browser's POST to S3, the bytes are checked (type by magic number, size). */
export async function POST(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = uuidField.safeParse((await params).id);
  if (!id.success) return badRequest();
  return uploadRoute('uploads.check', (ctx) => checkUpload(ctx, { id: id.data }));
}

/** The × next to a chosen file: removes one's own unfinished upload. */
export async function DELETE(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = uuidField.safeParse((await params).id);
  if (!id.success) return badRequest();
  return uploadRoute('uploads.discard', async (ctx) => {
    await discardUpload(ctx, { id: id.data });
    return { ok: true };
  });
}
