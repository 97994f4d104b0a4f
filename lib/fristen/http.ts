import 'server-only';
import { canSeeDeadlines } from '../access/employee';
import type { Ctx } from '../ctx';
import { formatDay } from '../deadlines';
import { explainDeadline } from '../deadlines/explain';
import { DomainError } from '../errors';
import { defaultLocale, translate } from '../i18n';
import { bom, csvLine } from './csv';
import { allDeadlines, type DeadlineFilters } from './list';

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

/**
 * The FRISTEN list as CSV, for the signed-in employee of this request (route handlers pass
 * `await sessionCtx()`): tenant from the host, actor from the session, right and scope checked again by the
 * list itself; streamed page by page.
 */
export async function exportResponse(ctx: Ctx | null, filters: DeadlineFilters): Promise<Response> {
  const locale = ctx?.locale ?? defaultLocale;
  if (!ctx || ctx.actor.kind !== 'employee') return plain(404, translate(locale, 'fristen.http.notFound'));
  if (!canSeeDeadlines(ctx.actor)) return plain(403, translate(locale, 'fristen.http.forbidden'));
  const w = (k: string) => translate(locale, `fristen.csv.${k}` as 'fristen.csv.lastDay');
  const head = [
    'lastDay',
    'state',
    'kind',
    'reason',
    'warnings',
    'contact',
    'advisor',
    'product',
    'provider',
    'number',
    'sparte',
    'done',
    'note',
    'source',
  ];
  const encoder = new TextEncoder();
  const rows = allDeadlines(ctx, { ...filters, after: null });
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(bom + csvLine(head.map(w))));
    },
    async pull(controller) {
      try {
        const { value: item, done } = await rows.next();
        if (done) return controller.close();
        const d = item.deadline;
        const words = explainDeadline(d, locale);
        controller.enqueue(
          encoder.encode(
            csvLine([
              formatDay(d.lastDay, locale),
              item.done ? translate(locale, 'fristen.done') : words.state,
              translate(locale, `deadlines.kinds.${d.kind}`),
              words.reason,
              words.warnings.join(' '),
              item.contactName,
              item.advisorName,
              item.product,
              item.provider,
              item.number,
              item.sparte,
              item.done ? item.done.doneAt.toISOString().slice(0, 10) : '',
              item.done?.note,
              d.rule.source,
            ]),
          ),
        );
      } catch (error) {
        controller.error(error instanceof DomainError ? new Error(error.code) : error);
      }
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${w('filename')}.csv"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    },
  });
}
