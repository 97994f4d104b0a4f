import 'server-only';
import type { Ctx } from '../ctx';
import { DomainError } from '../errors';
import { defaultLocale, translate } from '../i18n';
import { contentDisposition } from '../storage';
import { portfolioCsv } from './csv';
import { tableIds, type TableId } from './tables';

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

/**
 * The CSV download of one cockpit table for the signed-in account of this request (the route handler
 * passes `await sessionCtx()`): tenant from the host, actor and rights checked again by the verb. No
 * session or an unknown table: 404; a client or an employee without rights: 403.
 */
export async function portfolioCsvResponse(ctx: Ctx | null, table: string): Promise<Response> {
  const locale = ctx?.locale ?? defaultLocale;
  if (!ctx || !(tableIds as readonly string[]).includes(table))
    return plain(404, translate(locale, 'bestand.http.notFound'));
  try {
    const { filename, body } = await portfolioCsv(ctx, { table: table as TableId });
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': contentDisposition(filename),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof DomainError && error.code === 'forbidden')
      return plain(403, translate(locale, 'bestand.http.forbidden'));
    throw error;
  }
}
