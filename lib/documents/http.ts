import 'server-only';
import { z } from 'zod';
import { DomainError } from '../actions/domain-error';
import { unexpected } from '../actions/result';
import { currentActor, type Actor } from '../auth/current';
import { uuidField } from '../forms/fields';
import { db } from '../db/client';
import { checkUpload, discardUpload, openFile, startUpload } from '.';
import { openTicketFile } from '../tickets';
import { contentDisposition, objectStream } from '../storage';
import { previewable } from './rules';

export const startUploadSchema = z.object({
  contactId: uuidField.optional(),
  area: z.enum(['insurance', 'finance', 'other', 'emergency', 'profile', 'communication']),
  contractId: z.union([uuidField, z.literal(''), z.null()]).optional(),
  filename: z.string().max(500),
  contentType: z.string().max(100),
  size: z.number().int(),
});

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } });

/** JSON route handlers of the upload flow: a live session of this host's tenant, German messages, no internals. */
export async function withUploadActor(name: string, handler: (actor: Actor) => Promise<unknown>): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return json({ ok: false, message: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.' }, 401);
  try {
    return json(await handler(actor));
  } catch (error) {
    if (error instanceof DomainError) {
      const status = error.code === 'forbidden' ? 403 : error.code === 'not_found' ? 404 : 400;
      return json({ ok: false, code: error.code, message: error.message }, status);
    }
    const result = unexpected(error, name);
    return json(result, 500);
  }
}

export function badRequest(): Response {
  return json({ ok: false, code: 'invalid', message: 'Ungültige Anfrage.' }, 400);
}

/** The domain calls of the upload and file routes with the app's pool (app/ never touches the database). */
export const uploadCalls = {
  start: (actor: Actor, input: Parameters<typeof startUpload>[3]) => startUpload(db(), actor.tenant.id, actor.user, input),
  check: (actor: Actor, id: string) => checkUpload(db(), actor.tenant.id, actor.user, id),
  discard: (actor: Actor, id: string) => discardUpload(db(), actor.tenant.id, actor.user, id),
  open: (actor: Actor, fileId: string) => openFile(db(), actor.tenant.id, actor.user, fileId),
  openAttachment: (actor: Actor, fileId: string) => openTicketFile(db(), actor.tenant.id, actor.user, fileId),
};

const notFoundResponse = () => new Response('Nicht gefunden', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

/**
 * An authorised stream of one stored file (document or ticket attachment), after the caller checked the
 * right: bytes streamed from S3 (never held whole), the type as verified at upload, `nosniff`,
 * attachment unless an inline preview of a PDF or image was asked for, and a sandbox CSP for downloads.
 */
export async function streamStoredFile(
  request: Request,
  id: string,
  lookup: (actor: Actor, id: string) => Promise<{ key: string; filename: string; mime: string } | null>,
): Promise<Response> {
  const parsed = uuidField.safeParse(id);
  if (!parsed.success) return notFoundResponse();
  const actor = await currentActor();
  if (!actor) return notFoundResponse();
  const file = await lookup(actor, parsed.data);
  if (!file) return notFoundResponse();
  const inline = new URL(request.url).searchParams.get('inline') === '1' && previewable(file.mime) !== null;
  const range = request.headers.get('range') ?? undefined;
  let object;
  try {
    object = await objectStream(actor.tenant.id, file.key, range && /^bytes=\d*-\d*$/.test(range) ? range : undefined);
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
