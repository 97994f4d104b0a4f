import 'server-only';
import { z } from 'zod';
import { DomainError } from '../actions/domain-error';
import { unexpected } from '../actions/result';
import { currentActor, type Actor } from '../auth/current';
import { uuidField } from '../forms/fields';
import { db } from '../db/client';
import { checkUpload, discardUpload, openFile, startUpload } from '.';

export const startUploadSchema = z.object({
  contactId: uuidField.optional(),
  area: z.enum(['insurance', 'finance', 'other', 'emergency', 'profile']),
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
};
