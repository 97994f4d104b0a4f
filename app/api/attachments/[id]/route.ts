import { openTicketFile } from '@/lib/tickets/files';
import { streamStoredFile } from '@/lib/uploads/serve';

/** An attachment of a KOMMUNIKATION message, streamed after the rights check for its ticket. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return streamStoredFile(request, (await params).id, (ctx, fileId) => openTicketFile(ctx, { fileId }));
}
