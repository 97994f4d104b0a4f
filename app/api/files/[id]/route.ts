import { openFile } from '@/lib/documents/open';
import { streamStoredFile } from '@/lib/uploads/serve';

/** A document file, streamed after the rights check (see streamStoredFile). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return streamStoredFile(request, (await params).id, (ctx, id) => openFile(ctx, { id }));
}
