import { streamStoredFile, uploadCalls } from '@/lib/documents/http';

/** A document file, streamed after the rights check (see streamStoredFile). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return streamStoredFile(request, (await params).id, uploadCalls.open);
}
