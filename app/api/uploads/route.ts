import { badRequest, startUploadSchema, uploadCalls, withUploadActor } from '@/lib/documents/http';

/** Step 1 of a document upload: a presigned POST for one file (the bytes go straight to S3). */
export async function POST(request: Request) {
  const parsed = startUploadSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return badRequest();
  return withUploadActor('uploads.start', async (actor) => {
    const input = parsed.data;
    const contactId = actor.user.kind === 'client' ? actor.user.id : input.contactId;
    if (!contactId) return { ok: false, message: 'Kein Kontakt gewählt.' };
    const post = await uploadCalls.start(actor, { ...input, contactId, contractId: input.contractId || null });
    return { ok: true, ...post };
  });
}
