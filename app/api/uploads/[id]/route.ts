import { badRequest, uploadCalls, withUploadActor } from '@/lib/documents/http';
import { uuidField } from '@/lib/forms/fields';

/** Step 2: after the browser's POST to S3, the bytes are checked (type by magic number, size). */
export async function POST(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = uuidField.safeParse((await params).id);
  if (!id.success) return badRequest();
  return withUploadActor('uploads.check', (actor) => uploadCalls.check(actor, id.data));
}

/** The × next to a chosen file: removes one's own unfinished upload. */
export async function DELETE(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = uuidField.safeParse((await params).id);
  if (!id.success) return badRequest();
  return withUploadActor('uploads.discard', async (actor) => {
    await uploadCalls.discard(actor, id.data);
    return { ok: true };
  });
}
