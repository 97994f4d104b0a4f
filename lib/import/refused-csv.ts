import 'server-only';
import type { Ctx } from '../ctx';
import { DomainError } from '../errors';
import { translateMessage } from '../forms/message';
import { defaultLocale, translate, type MessageKey } from '../i18n';
import { uuidField } from '../forms/fields';
import { contentDisposition } from '../storage';
import { contactFields } from './contacts/columns';
import { importJob } from './jobs';
import { csvCell } from './csv-cell';
import { refusedRows } from './rows';

const plain = (status: number, key: MessageKey, ctx: Ctx | null) =>
  new Response(translate(ctx?.locale ?? defaultLocale, key), {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });

/**
 * ABGELEHNTE ZEILEN (CSV, `;`, UTF-8 with BOM for Excel): line, reason and the row's fields, so the user can
 * fix them and import again. The rights are checked again here (a route handler, not the page).
 */
export async function refusedCsvResponse(ctx: Ctx | null, id: string): Promise<Response> {
  if (!ctx || ctx.actor.kind !== 'employee' || !uuidField.safeParse(id).success)
    return plain(404, 'import.errors.notFound', ctx);
  let fileName: string;
  try {
    fileName = (await importJob(ctx, id)).fileName;
  } catch (error) {
    if (error instanceof DomainError)
      return error.code === 'forbidden'
        ? plain(403, 'import.errors.forbidden', ctx)
        : plain(404, 'import.errors.notFound', ctx);
    throw error;
  }
  const t = (k: string) => translate(ctx.locale, k as MessageKey);
  const encoder = new TextEncoder();
  const rows = refusedRows(ctx, id);
  const head = [t('import.csv.line'), t('import.csv.reason'), ...contactFields.map((f) => t(`import.fields.${f}`))];
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${head.map(csvCell).join(';')}\r\n`));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) return controller.close();
      const text = next.value
        .map((r) => {
          const reason = r.applyError ?? r.reasonKey ?? '';
          const values = r.reasonValues ? `|${JSON.stringify(r.reasonValues)}` : '';
          const cells = [r.line, reason ? translateMessage(ctx.locale, `${reason}${r.applyError ? '' : values}`) : ''];
          return [...cells, ...contactFields.map((f) => r.after?.[f] ?? '')].map(csvCell).join(';');
        })
        .join('\r\n');
      controller.enqueue(encoder.encode(`${text}\r\n`));
    },
  });
  const base = fileName.replace(/\.[^.]+$/, '');
  return new Response(stream, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': contentDisposition(`${base}-${t('import.csv.suffix')}.csv`),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    },
  });
}
