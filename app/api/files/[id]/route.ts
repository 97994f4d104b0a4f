import { openFileAudited } from '@/lib/documents/access-log';
import { streamStoredFile } from '@/lib/uploads/serve';

/** A document file, streamed after the rights check (see streamStoredFile); each opening is audited. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const wantsInline = new URL(request.url).searchParams.get('inline') === '1';
  const range = request.headers.get('range');
  return streamStoredFile(request, (await params).id, (ctx, id) => openFileAudited(ctx, id, { wantsInline, range }));
}
