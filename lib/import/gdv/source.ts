/**
 * The GDV source of the import job: streams a VUVM file through the reader and yields proposed rows –
 * an insurer seen for the first time ('provider', confirmed once per tenant), the policyholders ('person')
 * and the contracts. A refused Datenpaket yields one error row that fails its whole group.
 */
import type { Readable } from 'node:stream';
import { DomainError } from '../../errors';
import { translate, type MessageKey } from '../../i18n';
import type { ImportSource, ProposedRow, SourceContext, SourceStats } from '../types';
import { providerByName, providerByVu } from './lookup';
import { readGdv } from './reader';
import { batchRows, type PacketInfo } from './rows';
import type { GdvContract, GdvIssue, GdvVorsatz } from './types';

const BATCH = 200;

/** A file an insurer delivers: .gdv/.txt/.dat or no extension (never a table or a document). */
export function acceptsGdv(fileName: string): boolean {
  return !/\.(csv|xlsx?|pdf|docx?|json|xml|png|jpe?g|zip)$/i.test(fileName);
}

function issueRow(issue: GdvIssue, group: string | undefined, failsGroup: boolean): ProposedRow {
  const field = issue.field ? translate('de', issue.field) : '';
  return {
    line: issue.line,
    kind: 'contract',
    matchKey: null,
    targetId: null,
    before: null,
    after: {},
    status: 'error',
    reason: { key: issue.key as MessageKey, values: { ...issue.values, field }, field: field || undefined },
    group,
    failsGroup: failsGroup || undefined,
  };
}

const asOfOf = (v: GdvVorsatz, today: string) =>
  [v.createdTo, v.createdFrom].find((d) => d && !d.partial)?.date ?? today;

async function providerRow(ctx: SourceContext, v: GdvVorsatz, seen: Set<string>) {
  const known = await providerByVu(ctx.db, ctx.tenantId, v.vuNumber);
  if (known) return { name: known.name, row: null };
  const name = v.sender || v.vuNumber;
  if (seen.has(v.vuNumber)) return { name, row: null };
  seen.add(v.vuNumber);
  const own = await providerByName(ctx.db, ctx.tenantId, name);
  const row: ProposedRow = {
    line: v.line,
    kind: 'provider',
    matchKey: `vu:${v.vuNumber}`,
    targetId: own?.id ?? null,
    before: own ? { name: own.name, vuNumber: null } : null,
    after: { name, vuNumber: v.vuNumber },
    status: own ? 'changed' : 'new',
    reason: { key: 'gdv.reasons.newInsurer', values: { vu: v.vuNumber, name } },
    // Not part of the Datenpaket's group: a refused packet does not take the insurer's confirmation with it.
  };
  return { name, row };
}

export const gdvSource: ImportSource = {
  kind: 'gdv',
  accepts: acceptsGdv,
  async *check(stream: Readable, ctx: SourceContext, stats: SourceStats): AsyncIterable<ProposedRow> {
    const today = new Date().toISOString().slice(0, 10);
    const persons = new Set<string>();
    const vuSeen = new Set<string>();
    let packet: PacketInfo | null = null;
    let batch: GdvContract[] = [];
    const bump = (k: string, n = 1) => (stats[k] = (stats[k] ?? 0) + n);
    const flush = async () => {
      const rows =
        packet && batch.length ? await batchRows({ db: ctx.db, tenantId: ctx.tenantId, persons }, packet, batch) : [];
      batch = [];
      return rows;
    };
    let sawPacket = false;
    for await (const e of readGdv(stream)) {
      if (e.kind === 'packet') {
        sawPacket = true;
        const group = `${ctx.fileName}#${e.packet}`;
        const p = await providerRow(ctx, e.vorsatz, vuSeen);
        packet = { group, provider: p.name, asOf: asOfOf(e.vorsatz, today) };
        if (p.row) yield p.row;
      } else if (e.kind === 'contract') {
        batch.push(e.contract);
        bump('contracts');
        if (batch.length >= BATCH) yield* await flush();
      } else if (e.kind === 'packetDone') {
        yield* await flush();
        bump('packets');
        bump(
          'skippedRecords',
          Object.values(e.skipped).reduce((s, n) => s + n, 0),
        );
        packet = null;
      } else if (e.kind === 'packetFailed') {
        batch = []; // its unchecked contracts are dropped; the stored ones are failed with the group
        bump('packetsRefused');
        yield issueRow(e.issue, packet?.group ?? `${ctx.fileName}#${e.packet}`, true);
        packet = null;
      } else if (e.issue.key === 'gdv.errors.noPacket') {
        if (!sawPacket) throw new DomainError('file_rejected', 'gdv.errors.noPacket');
      } else {
        yield issueRow(e.issue, undefined, false);
      }
    }
  },
};
