import 'server-only';
import type { Ctx } from '../ctx';
import { DomainError } from '../errors';
import { defaultLocale, translate } from '../i18n';
import { contentDisposition } from '../storage';
import { protocolCsv } from './csv';
import { filterOf } from './schemas';

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

/**
 * GET /api/protocol/export?<the page's filters>: the CSV for the signed-in account of this host's tenant
 * (route handlers pass `await sessionCtx()`).
 * No session: 401; no right (a client, an employee without "Protokoll"): 403.
 */
export async function exportProtocolResponse(request: Request, ctx: Ctx | null): Promise<Response> {
  if (!ctx) return plain(401, translate(defaultLocale, 'errors.unauthenticated'));
  const params = Object.fromEntries(new URL(request.url).searchParams.entries());
  const { filter } = filterOf(params);
  try {
    const stream = await protocolCsv(ctx, filter);
    const date = new Date().toISOString().slice(0, 10);
    return new Response(stream, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': contentDisposition(translate(ctx.locale, 'protocol.csv.filename', { date })),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof DomainError && error.code === 'forbidden')
      return plain(403, translate(ctx.locale, 'errors.forbidden'));
    throw error;
  }
}
