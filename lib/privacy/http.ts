import 'server-only';
import type { Ctx } from '../ctx';
import { DomainError } from '../errors';
import { defaultLocale, translate, type Locale } from '../i18n';
import { uuidField } from '../forms/fields';
import { contentDisposition } from '../storage';
import { exportContact } from './export';

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

const statusOf = (code: DomainError['code']) => (code === 'forbidden' ? 403 : code === 'unavailable' ? 503 : 404);
const textOf = (status: number, locale: Locale) =>
  translate(
    locale,
    status === 403 ? 'privacy.http.forbidden' : status === 503 ? 'privacy.http.unavailable' : 'privacy.http.notFound',
  );

/**
 * The DATENEXPORT download for the signed-in account of this request (route handlers pass
 * `await sessionCtx()`): employees ask for a contact by id, a client for 'self'. Everything else is 404,
 * a missing right 403; nothing else is revealed.
 */
export async function exportResponse(ctx: Ctx | null, contactId: string | 'self'): Promise<Response> {
  const locale = ctx?.locale ?? defaultLocale;
  const notFound = () => plain(404, textOf(404, locale));
  if (!ctx) return notFound();
  const self = contactId === 'self';
  if (self !== (ctx.actor.kind === 'client')) return notFound();
  const id = self ? ctx.actor.id : uuidField.safeParse(contactId);
  if (typeof id !== 'string' && !id.success) return notFound();
  try {
    const { filename, stream } = await exportContact(ctx, { contactId: typeof id === 'string' ? id : id.data });
    return new Response(stream, {
      headers: {
        'content-type': 'application/zip',
        'content-disposition': contentDisposition(filename),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return plain(statusOf(error.code), textOf(statusOf(error.code), locale));
    throw error;
  }
}
