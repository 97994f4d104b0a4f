import { describe, expect, it } from 'vitest';
import { issueText } from '../../../lib/import/gdv/issues';
import { readGdv } from '../../../lib/import/gdv/reader';
import type { GdvContract, GdvEvent, GdvIssue } from '../../../lib/import/gdv/types';
import * as w from './writer';

const h = (policy: string, sparte = '040', seq = '') => ({ vu: '5339', sparte, policy, seq, agency: 'AG0815' });
const insurer = { vu: '5339', sender: 'Condor Allgemeine', from: '2026-11-01', to: '2026-11-30', broker: 'V4711' };

async function events(buf: Buffer, size = 100): Promise<GdvEvent[]> {
  const out: GdvEvent[] = [];
  for await (const e of readGdv(w.chunks(buf, size))) out.push(e);
  return out;
}
function issueOf(e: GdvEvent | undefined): GdvIssue {
  if (e?.kind !== 'packetFailed') throw new Error('no refusal');
  return e.issue;
}
const contractsOf = (es: GdvEvent[]) => es.flatMap((e) => (e.kind === 'contract' ? [e.contract] : [])) as GdvContract[];

function fullContract(policy = '12345678') {
  const hd = h(policy);
  return [
    ...w.person(hd, {
      salutation: '2',
      surname: 'Müller-Lüdenscheidt',
      name2: 'geb. Weiß',
      firstName: 'Jürgen',
      title: 'Dr.',
      country: 'D',
      zip: '50667',
      city: 'Köln',
      street: 'Hohe Straße 1',
      birth: '1970-05-17',
      gender: '1',
      customerNumber: 'K-0042',
    }),
    ...w.vertrag(hd, {
      inkasso: '2',
      start: '2020-01-01',
      end: '2027-01-01',
      due: '2027-01-01',
      frequency: '8',
      status: '1',
      currency: 'EUR',
      net: 41141,
      remaining: 1,
      clause: '1',
      gross: 48958,
      printable: 'HP-12345678',
      product: 'PrivatSchutz Plus',
      policyDate: '2019-12-15',
    }),
  ];
}

describe('GDV reader', () => {
  it('reads every field of 0001, 0100, 0200 (Latin-1 umlauts, across chunk borders)', async () => {
    const es = await events(w.file(w.paket(insurer, fullContract())), 37);
    const packet = es.find((e) => e.kind === 'packet');
    expect(packet).toMatchObject({
      packet: 1,
      vorsatz: {
        line: 1,
        vuNumber: '5339',
        sender: 'Condor Allgemeine',
        addressee: 'Makler GmbH',
        createdFrom: { date: '2026-11-01', partial: false },
        createdTo: { date: '2026-11-30', partial: false },
        broker: 'V4711',
      },
    });
    const [c] = contractsOf(es);
    expect(c).toMatchObject({
      line: 5,
      key: { vuNumber: '5339', sparte: '040', policyNumber: '12345678', sequence: '' },
      agency: 'AG0815',
      inkasso: '2',
      startDate: { date: '2020-01-01', partial: false },
      endDate: { date: '2027-01-01', partial: false },
      mainDueDate: { date: '2027-01-01', partial: false },
      frequency: '8',
      status: '1',
      exitReason: '',
      exitDate: null,
      currency: 'EUR',
      netPremiumCents: 41141,
      remainingYears: 1,
      cancellationClause: '1',
      grossPremiumCents: 48958,
      printablePolicyNumber: 'HP-12345678',
      productName: 'PrivatSchutz Plus',
      policyDate: { date: '2019-12-15', partial: false },
    });
    expect(c!.persons).toEqual([
      {
        line: 3,
        salutation: '2',
        surname: 'Müller-Lüdenscheidt',
        name2: 'geb. Weiß',
        firstName: 'Jürgen',
        title: 'Dr.',
        country: 'D',
        zip: '50667',
        city: 'Köln',
        street: 'Hohe Straße 1',
        birthDate: { date: '1970-05-17', partial: false },
        gender: '1',
        customerNumber: 'K-0042',
      },
    ]);
    expect(es.at(-1)).toEqual({ kind: 'packetDone', packet: 1, line: 7, records: 4, contracts: 1, skipped: {} });
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['no separator', ''],
  ] as const)('accepts records separated by %s', async (_name, sep) => {
    const body = [...fullContract('1'), ...fullContract('2')];
    for (const size of [1, 255, 256, 257, 4096]) {
      const es = await events(w.file(w.paket(insurer, body), sep), size);
      expect(contractsOf(es).map((c) => c.key.policyNumber)).toEqual(['1', '2']);
      expect(es.at(-1)).toMatchObject({ kind: 'packetDone', records: 8 });
    }
  });

  it('decodes ISO-8859-1, not UTF-8 (0xFC is ü)', async () => {
    const buf = w.file(w.paket(insurer, fullContract()));
    expect(buf.includes(Buffer.from([0xfc]))).toBe(true);
    expect(buf.includes(Buffer.from('ü', 'utf8'))).toBe(false);
    const [c] = contractsOf(await events(buf));
    expect(c!.persons[0]!.city).toBe('Köln');
  });

  it('keeps partial dates partial and blank numbers unknown', async () => {
    const hd = h('777');
    const body = [
      ...w.person(hd, { surname: 'Schmidt', birth: '1960' }),
      ...w.vertrag(hd, {
        start: '2004-03',
        end: '2027',
        due: '',
        frequency: '',
        status: '4',
        exitReason: '37',
        exitDate: '2024-08',
        net: null,
        gross: null,
      }),
    ];
    const [c] = contractsOf(await events(w.file(w.paket(insurer, body))));
    expect(c).toMatchObject({
      startDate: { date: '2004-03', partial: true },
      endDate: { date: '2027', partial: true },
      mainDueDate: null,
      frequency: '',
      status: '4',
      exitReason: '37',
      exitDate: { date: '2024-08', partial: true },
      netPremiumCents: null,
      grossPremiumCents: null,
      remainingYears: null,
    });
    expect(c!.persons[0]!.birthDate).toEqual({ date: '1960', partial: true });
    expect(c!.persons[0]!.customerNumber).toBe('');
  });

  it('reads 0210 parts and Folgenummern as separate contracts', async () => {
    const a = h('55', '130', '01');
    const b = h('55', '130', '02');
    const body = [
      ...w.person(a, { surname: 'A' }),
      ...w.vertrag(a, { status: '1', frequency: '1' }),
      w.hausrat(a, { status: '1', start: '2021-02-01', premium: 12050 }),
      ...w.person(b, { surname: 'A' }),
      ...w.vertrag(b, { status: '1', frequency: '1' }),
    ];
    const cs = contractsOf(await events(w.file(w.paket(insurer, body))));
    expect(cs.map((c) => c.key.sequence)).toEqual(['01', '02']);
    expect(cs[0]!.parts).toEqual([
      { line: 7, sparte: '130', status: '1', startDate: { date: '2021-02-01', partial: false }, premiumCents: 12050 },
    ]);
  });

  it('skips and counts unknown Satzarten (they count for the Nachsatz)', async () => {
    const hd = h('9');
    const body = [
      ...fullContract('9'),
      w.record('0220', hd, '1', {}),
      w.record('0220', hd, '2', {}),
      w.record('0300', hd, '1', {}),
    ];
    const es = await events(w.file(w.paket(insurer, body)));
    expect(contractsOf(es)).toHaveLength(1);
    expect(es.at(-1)).toMatchObject({ kind: 'packetDone', records: 7, skipped: { '0220': 2, '0300': 1 } });
  });

  it('reads several Datenpakete and refuses only the broken one', async () => {
    const other = { vu: '5438', sender: 'R+V Allgemeine' };
    const bad = w.paket(insurer, fullContract('1'), 99);
    const good = w.paket(other, [
      ...w.person({ vu: '5438', sparte: '051', policy: 'KFZ1' }, { surname: 'B' }),
      ...w.vertrag({ vu: '5438', sparte: '051', policy: 'KFZ1' }, { status: '1' }),
    ]);
    const es = await events(w.file([...bad, ...good, ...w.paket(insurer, fullContract('3'))]));
    const failed = es.filter((e) => e.kind === 'packetFailed');
    expect(failed).toEqual([
      {
        kind: 'packetFailed',
        packet: 1,
        issue: {
          key: 'gdv.errors.count',
          line: 7,
          values: { line: 7, expected: 99, actual: 4 },
          field: 'gdv.fields.count',
        },
      },
    ]);
    expect(es.filter((e) => e.kind === 'packetDone').map((e) => e.packet)).toEqual([2, 3]);
    expect(issueText('de', issueOf(failed[0]))).toBe(
      'Zeile 7, Feld Anzahl Sätze: Der Nachsatz meldet 99 Sätze, das Datenpaket enthält 4 – es wird nicht übernommen.',
    );
  });

  it('refuses a Datenpaket with a short record, naming the line', async () => {
    const recs = w.paket(insurer, fullContract());
    recs[4] = recs[4]!.slice(0, 200);
    const es = await events(w.file([...recs, ...w.paket(insurer, fullContract('2'))]));
    expect(es.find((e) => e.kind === 'packetFailed')).toMatchObject({
      packet: 1,
      issue: { key: 'gdv.errors.recordLength', line: 5, values: { length: 200 } },
    });
    expect(contractsOf(es).map((c) => c.key.policyNumber)).toContain('2');
    expect(es.filter((e) => e.kind === 'packetDone').map((e) => e.packet)).toEqual([2]);
  });

  it('refuses a Datenpaket without Nachsatz (next Vorsatz or end of file)', async () => {
    const recs = w.paket(insurer, fullContract());
    recs.pop();
    const es = await events(
      w.file([...recs, ...w.paket(insurer, fullContract('2')), ...w.vorsatz(insurer), ...fullContract('3')]),
    );
    const failed = es.filter((e) => e.kind === 'packetFailed');
    expect(failed.map((e) => e.kind === 'packetFailed' && [e.packet, e.issue.key, e.issue.values])).toEqual([
      [1, 'gdv.errors.missingNachsatz', { line: 7, start: 1 }],
      [3, 'gdv.errors.missingNachsatz', { line: 19, start: 14 }],
    ]);
    expect(issueText('de', issueOf(failed[0]))).toContain(
      'Zeile 7: Dem Datenpaket ab Zeile 1 fehlt der Nachsatz (9999)',
    );
  });

  it('refuses impossible values with line and field', async () => {
    const hd = h('1');
    const cases: [string[], string, string, string][] = [
      [w.vertrag(hd, { start: '2021-02-30' }), 'gdv.errors.date', 'gdv.fields.startDate', '30022021'],
      [w.vertrag(hd, { frequency: '3' }), 'gdv.errors.code', 'gdv.fields.frequency', '3'],
      [w.vertrag(hd, { net: 'x'.repeat(12) as never }), 'gdv.errors.number', 'gdv.fields.netPremium', 'xxxxxxxxxxxx'],
    ];
    for (const [records, key, field, value] of cases) {
      const es = await events(w.file(w.paket(insurer, [...w.person(hd, { surname: 'X' }), ...records])));
      expect(es.find((e) => e.kind === 'packetFailed')).toMatchObject({
        issue: { key, field, line: 5, values: { value, satzart: '0200' } },
      });
      expect(contractsOf(es).length).toBeLessThanOrEqual(1);
    }
    const es = await events(
      w.file(w.paket(insurer, [...w.person(hd, { surname: 'X' }), ...w.vertrag(hd, { due: '2027-13-01' })])),
    );
    const f = es.find((e) => e.kind === 'packetFailed');
    expect(issueText('de', issueOf(f))).toBe(
      'Zeile 5, Satzart 0200, Feld Hauptfälligkeit: „01132027“ ist kein gültiges Datum (TTMMJJJJ) – das Datenpaket wird nicht übernommen.',
    );
  });

  it('reports records outside a Datenpaket and a file without one', async () => {
    const es = await events(w.file([...fullContract(), ...w.paket(insurer, fullContract('2'))]));
    expect(es[0]).toMatchObject({ kind: 'fileIssue', issue: { key: 'gdv.errors.outside', line: 1 } });
    expect(contractsOf(es)).toHaveLength(1);
    expect(await events(Buffer.from('hello\n'))).toEqual([
      { kind: 'fileIssue', issue: { key: 'gdv.errors.outside', line: 1, values: { line: 1 } } },
      { kind: 'fileIssue', issue: { key: 'gdv.errors.noPacket', line: 0, values: {} } },
    ]);
  });

  it('refuses a contract twice in one Datenpaket and a blank policy number', async () => {
    const es = await events(w.file(w.paket(insurer, [...fullContract('1'), ...fullContract('1')])));
    expect(es.find((e) => e.kind === 'packetFailed')).toMatchObject({ issue: { key: 'gdv.errors.duplicate' } });
    const es2 = await events(w.file(w.paket(insurer, w.person(h(''), { surname: 'X' }))));
    expect(es2.find((e) => e.kind === 'packetFailed')).toMatchObject({
      issue: { key: 'gdv.errors.policyMissing', line: 3 },
    });
  });

  it('uses bounded memory for a large file (streams, no whole-file string)', async () => {
    async function* big() {
      yield w.file(w.vorsatz(insurer));
      for (let i = 0; i < 20000; i++) yield w.file(fullContract(String(i)));
      yield w.file([w.nachsatz('5339', [], 80000)]);
    }
    let count = 0;
    const before = process.memoryUsage().heapUsed;
    for await (const e of readGdv(big())) if (e.kind === 'contract') count++;
    expect(count).toBe(20000);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
  }, 60_000);
});
