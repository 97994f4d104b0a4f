import { currentActor } from '@/lib/auth/current';
import { uploadCalls } from '@/lib/documents/http';
import { previewable } from '@/lib/documents/rules';
import { uuidField } from '@/lib/forms/fields';
import { contentDisposition, objectStream } from '@/lib/storage';

const notFound = () => new Response('Nicht gefunden', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

/**
 * An authorised stream of one document file: rights checked for this session, the bytes streamed from S3
 * (never held whole), the type as verified at upload, `nosniff`, attachment unless an inline preview of a
 * PDF or image was asked for, and a sandbox CSP so nothing in a file can run on our origin.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = uuidField.safeParse((await params).id);
  if (!id.success) return notFound();
  const actor = await currentActor();
  if (!actor) return notFound();
  const file = await uploadCalls.open(actor, id.data);
  if (!file) return notFound();
  const inline = new URL(request.url).searchParams.get('inline') === '1' && previewable(file.mime) !== null;
  const range = request.headers.get('range') ?? undefined;
  let object;
  try {
    object = await objectStream(actor.tenant.id, file.key, range && /^bytes=\d*-\d*$/.test(range) ? range : undefined);
  } catch {
    return notFound();
  }
  const headers = new Headers({
    'content-type': file.mime,
    'content-disposition': contentDisposition(file.filename, inline ? 'inline' : 'attachment'),
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
    'accept-ranges': 'bytes',
  });
  // A download can never run anything on our origin; an inline PDF needs the browser's viewer, so no sandbox there.
  if (!inline) headers.set('content-security-policy', "default-src 'none'; sandbox; frame-ancestors 'none'");
  if (object.length !== undefined) headers.set('content-length', String(object.length));
  if (object.contentRange) headers.set('content-range', object.contentRange);
  return new Response(object.body, { status: object.contentRange ? 206 : 200, headers });
}
