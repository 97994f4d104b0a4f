/**
 * The streaming GDV reader: bytes in, Datenpakete and their contracts out. A Datenpaket runs from 0001
 * Vorsatz to 9999 Nachsatz; the Nachsatz's count is checked. A broken Datenpaket (short or long record,
 * missing Nachsatz, wrong count, impossible value) yields `packetFailed` with the line and field, and the
 * reader skips to the next Vorsatz: the other Datenpakete still import. Unknown Satzarten are skipped and
 * counted. Memory: one contract at a time.
 */
import { FieldError } from './fields';
import { gdvRecords, RECORD_LENGTH, type RawRecord } from './records';
import * as satz from './satz';
import type { GdvContract, GdvEvent, GdvIssue, GdvPerson } from './types';

/** Raised inside a packet; turned into `packetFailed`. */
class PacketError extends Error {
  constructor(readonly issue: GdvIssue) {
    super(issue.key);
  }
}

const fail = (key: string, line: number, values: Record<string, string | number> = {}, field?: string) =>
  new PacketError({ key, line, values: { line, ...values }, field });

interface Packet {
  number: number;
  startLine: number;
  records: number;
  contracts: number;
  skipped: Record<string, number>;
  seen: Set<string>;
  group: { key: string; persons: GdvPerson[]; contract: GdvContract | null } | null;
}

export async function* readGdv(source: AsyncIterable<Buffer | Uint8Array | string>): AsyncGenerator<GdvEvent> {
  let packet: Packet | null = null;
  let packets = 0;
  let failedUntilVorsatz = false;
  let strayReported = false;
  let lastLine = 0;

  function* flush(p: Packet): Generator<GdvEvent> {
    const g = p.group;
    p.group = null;
    if (!g) return;
    if (!g.contract) {
      // Persons without a contract part: nothing to import.
      p.skipped['0100'] = (p.skipped['0100'] ?? 0) + g.persons.length;
      return;
    }
    if (p.seen.has(g.key)) {
      throw fail('gdv.errors.duplicate', g.contract.line, { policy: g.contract.key.policyNumber });
    }
    p.seen.add(g.key);
    g.contract.persons = g.persons;
    p.contracts++;
    yield { kind: 'contract', packet: p.number, contract: g.contract };
  }

  function* handle(rec: RawRecord, p: Packet): Generator<GdvEvent> {
    const t = rec.text;
    const sa = satz.satzart(t);
    const td = satz.teildatensatz(t);
    if (sa === '9999') {
      yield* flush(p);
      const n = satz.nachsatz(t);
      if (n.count !== p.records) {
        throw fail('gdv.errors.count', rec.line, { expected: n.count ?? 0, actual: p.records }, 'gdv.fields.count');
      }
      yield {
        kind: 'packetDone',
        packet: p.number,
        line: rec.line,
        records: p.records,
        contracts: p.contracts,
        skipped: p.skipped,
      };
      packet = null;
      return;
    }
    if (sa === '0001') return; // further Teildatensätze of the Vorsatz (not counted, like the Vorsatz)
    p.records++;
    const known = sa === '0100' || sa === '0200' || sa === '0210';
    if (!known) {
      p.skipped[sa] = (p.skipped[sa] ?? 0) + 1;
      return;
    }
    const keyText = satz.keyString(satz.keyOf(t));
    if (!satz.keyOf(t).policyNumber)
      throw fail('gdv.errors.policyMissing', rec.line, { satzart: sa }, 'gdv.fields.policyNumber');
    if (p.group && (p.group.key !== keyText || (sa === '0100' && td === '1' && p.group.contract))) yield* flush(p);
    p.group ??= { key: keyText, persons: [], contract: null };
    const g = p.group;
    if (sa === '0100') {
      if (td === '1') g.persons.push(satz.person1(t, rec.line));
      else if (!g.persons.length) throw fail('gdv.errors.order', rec.line, { satzart: sa, td });
      else if (td === '2') satz.person2(t, g.persons[g.persons.length - 1]!);
    } else if (sa === '0200') {
      if (td === '1') {
        if (g.contract) throw fail('gdv.errors.duplicate', rec.line, { policy: g.contract.key.policyNumber });
        g.contract = satz.contract1(t, rec.line);
      } else if (!g.contract) throw fail('gdv.errors.order', rec.line, { satzart: sa, td });
      else if (td === '2') satz.contract2(t, g.contract);
    } else if (td === '1' || td === ' ') {
      if (!g.contract) throw fail('gdv.errors.order', rec.line, { satzart: sa, td: td.trim() || '1' });
      g.contract.parts.push(satz.part(t, rec.line));
    }
  }

  for await (const rec of gdvRecords(source)) {
    lastLine = rec.line;
    const sa = satz.satzart(rec.text);
    if (sa === '0001' && satz.teildatensatz(rec.text) !== '2' && satz.teildatensatz(rec.text) !== '3') {
      const open = packet as Packet | null;
      if (open) {
        yield {
          kind: 'packetFailed',
          packet: open.number,
          issue: fail('gdv.errors.missingNachsatz', rec.line, { start: open.startLine }).issue,
        };
      }
      failedUntilVorsatz = false;
      packets++;
      const p: Packet = {
        number: packets,
        startLine: rec.line,
        records: 0,
        contracts: 0,
        skipped: {},
        seen: new Set(),
        group: null,
      };
      packet = p;
      try {
        if (rec.length !== RECORD_LENGTH) throw fail('gdv.errors.recordLength', rec.line, { length: rec.length });
        yield { kind: 'packet', packet: p.number, vorsatz: satz.vorsatz(rec.text, rec.line) };
      } catch (e) {
        yield { kind: 'packetFailed', packet: p.number, issue: issueOf(e, rec.line, sa) };
        packet = null;
        failedUntilVorsatz = true;
      }
      continue;
    }
    const p = packet as Packet | null;
    if (!p) {
      if (!failedUntilVorsatz && !strayReported) {
        strayReported = true;
        yield { kind: 'fileIssue', issue: fail('gdv.errors.outside', rec.line).issue };
      }
      continue;
    }
    try {
      if (rec.length !== RECORD_LENGTH) throw fail('gdv.errors.recordLength', rec.line, { length: rec.length });
      if (!/^\d{4}$/.test(sa)) throw fail('gdv.errors.satzart', rec.line, { value: sa }, 'gdv.fields.satzart');
      yield* handle(rec, p);
    } catch (e) {
      yield { kind: 'packetFailed', packet: p.number, issue: issueOf(e, rec.line, sa) };
      packet = null;
      failedUntilVorsatz = true;
    }
  }
  const open = packet as Packet | null;
  if (open) {
    yield {
      kind: 'packetFailed',
      packet: open.number,
      issue: fail('gdv.errors.missingNachsatz', lastLine, { start: open.startLine }).issue,
    };
  } else if (packets === 0) {
    yield { kind: 'fileIssue', issue: { key: 'gdv.errors.noPacket', line: 0, values: {} } };
  }
}

function issueOf(e: unknown, line: number, sa: string): GdvIssue {
  if (e instanceof PacketError) return e.issue;
  if (e instanceof FieldError) {
    return {
      key: `gdv.errors.${e.reason}`,
      line,
      values: { line, satzart: sa, value: e.value.trim() || e.value },
      field: e.field,
    };
  }
  throw e;
}
