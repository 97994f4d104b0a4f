import 'server-only';
import { DomainError } from '../actions/domain-error';
import { currentActor } from '../auth/current';
import { db } from '../db/client';
import { contentDisposition } from '../storage';
import { exportContact } from '.';

/** The DATENEXPORT download for the signed-in user (advisor: any contact they may export; client: themselves). */
export async function exportResponse(contactId: string | 'self'): Promise<Response> {
  const actor = await currentActor();
  const notFound = () => new Response('Nicht gefunden', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  if (!actor) return notFound();
  const id = contactId === 'self' ? actor.user.id : contactId;
  if (contactId === 'self' && actor.user.kind !== 'client') return notFound();
  if (contactId !== 'self' && actor.user.kind !== 'employee') return notFound();
  try {
    const { filename, stream } = await exportContact(db(), actor.tenant, actor.user, id);
    return new Response(stream, {
      headers: {
        'content-type': 'application/zip',
        'content-disposition': contentDisposition(filename),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return error.code === 'forbidden' ? new Response('Keine Berechtigung', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } }) : notFound();
    throw error;
  }
}
