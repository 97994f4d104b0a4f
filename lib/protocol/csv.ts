import { canSeeProtocol } from '../access/protocol';
import { requireRight } from '../access/require';
import { audit } from '../audit';
import type { Ctx } from '../ctx';
import { translate } from '../i18n';
import { listProtocol, type ProtocolItem } from './list';
import type { ProtocolFilter } from './schemas';

const chunk = 500;

/** One CSV cell: quoted, quotes doubled, and a leading = + - @ (a formula in a spreadsheet) defused. */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

function line(ctx: Ctx, item: ProtocolItem): string {
  const who = item.actorName ?? translate(ctx.locale, `protocol.actorTypes.${item.actorType}`);
  return [item.at.toISOString(), who, item.label, item.kind, item.subjectName ?? '', item.detail ?? '', item.ip ?? '']
    .map(csvCell)
    .join(';');
}

/**
 * The CSV export of PROTOKOLL with the page's filters: streamed page by page (keyset, 500 rows each), so a
 * large log is never held whole. The export itself is audited first.
 */
export async function protocolCsv(ctx: Ctx, filter: ProtocolFilter): Promise<ReadableStream<Uint8Array>> {
  requireRight(canSeeProtocol(ctx.actor));
  const { cursor: _ignored, ...rest } = filter;
  await audit(ctx.db, {
    tenantId: ctx.tenant.id,
    actorType: 'user',
    actorId: ctx.actor.id,
    action: 'protocol.exported',
    targetType: 'tenant',
    targetId: ctx.tenant.id,
    meta: { filter: rest },
  });
  const encoder = new TextEncoder();
  const head = ['at', 'who', 'what', 'kind', 'about', 'detail', 'ip']
    .map((k) => csvCell(translate(ctx.locale, `protocol.csv.${k}`)))
    .join(';');
  let next: string | null | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\ufeff${head}\r\n`));
        return;
      }
      const page = await listProtocol(ctx, { ...rest, cursor: next ?? undefined }, { limit: chunk });
      if (page.items.length) controller.enqueue(encoder.encode(page.items.map((i) => `${line(ctx, i)}\r\n`).join('')));
      if (!page.next) controller.close();
      else next = page.next;
    },
  });
}
