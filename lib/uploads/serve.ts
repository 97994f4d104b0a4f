import 'server-only';
import type { Ctx } from '../ctx';
import { uuidField } from '../forms/fields';
import { defaultLocale, translate } from '../i18n';
import { sessionCtx } from '../request/ctx';
import { contentDisposition, objectStream } from '../storage';
import { previewable } from './names';

export interface StoredFile {
  key: string;
  filename: string;
  mime: string;
}

const notFoundResponse = () =>
  new Response(translate(defaultLocale, 'uploads.notFound'), {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });

/**
 * An authorised stream of one stored file (document or ticket attachment); `lookup` is the domain's read
 * that decides the right (null: not visible). Bytes streamed from S3 (never held whole), the type as
 * verified at upload, `nosniff`, attachment unless an inline preview of a PDF or image was asked for,
 * and a sandbox CSP for downloads.
 */
export async function streamStoredFile(
  request: Request,
  id: string,
  lookup: (ctx: Ctx, id: string) => Promise<StoredFile | null>,
): Promise<Response> {
  const parsed = uuidField.safeParse(id);
  if (!parsed.success) return notFoundResponse();
  const ctx = await sessionCtx();
  if (!ctx) return notFoundResponse();
  const file = await lookup(ctx, parsed.data);
  if (!file) return notFoundResponse();
  const inline = new URL(request.url).searchParams.get('inline') === '1' && previewable(file.mime) !== null;
  const range = request.headers.get('range') ?? undefined;
  let object;
  try {
    object = await objectStream(ctx.tenant.id, file.key, range && /^bytes=\d*-\d*$/.test(range) ? range : undefined);
  } catch {
    return notFoundResponse();
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
