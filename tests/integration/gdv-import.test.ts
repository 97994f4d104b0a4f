/**
 * GDV contracts through the import job against real PostgreSQL and s3rver: upload → check (worker) →
 * review rows → apply → contracts in the folders (FREIGABEN as for an advisor's) → re-import idempotent →
 * next month's changes with history, a client's edit as a conflict → undo.
 */
import { ZipArchive } from 'archiver';
import { and, asc, eq } from 'drizzle-orm';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { folderDetail } from '../../lib/contacts/activity';
import { listArea, updateContract } from '../../lib/contracts';
import type { Db } from '../../lib/db/client';
import {
  auditLog,
  contactInsurerNumbers,
  contracts,
  importJobs,
  importRows,
  providers,
  users,
} from '../../lib/db/schema';
import { runImportJobs } from '../../lib/jobs/imports';
import { objectKey, putObject } from '../../lib/storage';
import * as w from '../unit/gdv/writer';
import { ctxFor } from './ctx';
import { testDb } from './db';
import { contact, contractForm, everywhere, makeWorld, sw, type World } from './folder-world';

let db: Db;
let world: World;
let karla: Awaited<ReturnType<typeof contact>>;

const condor = { vu: '5339', sender: 'Condor Allgemeine', from: '2026-11-01', to: '2026-11-30' };
const h = (policy: string, sparte: string) => ({ vu: '5339', sparte, policy });

interface Month {
  hausratPremium: number;
  haftEnd: string;
}
function gdvFile(m: Month): Buffer {
  const hr = h('HR-1', '130');
  const hp = h('HP-7', '040');
  const kfz = h('K-9', '051');
  const body = [
    ...w.person(hr, {
      salutation: '2',
      surname: 'Datenfreigabe',
      firstName: 'Karla',
      birth: '1980-02-03',
      customerNumber: 'C-KARLA',
    }),
    ...w.vertrag(hr, {
      start: '2020-01-01',
      end: '2027-01-01',
      due: '2027-01-01',
      frequency: '1',
      status: '1',
      net: 10000,
      gross: m.hausratPremium,
      product: 'Hausrat Komfort',
      printable: 'HR-0001',
    }),
    w.hausrat(hr, { status: '1', start: '2020-01-01', premium: 10000 }),
    ...w.person(hp, {
      salutation: '1',
      surname: 'Müller',
      firstName: 'Jürgen',
      birth: '1970-05-17',
      city: 'Köln',
      customerNumber: 'C-JUERGEN',
    }),
    ...w.vertrag(hp, {
      start: '2004-03',
      end: m.haftEnd,
      frequency: '8',
      status: '1',
      net: 500,
      product: 'Privat-Haftpflicht',
    }),
    ...w.person(kfz, {
      salutation: '1',
      surname: 'Müller',
      firstName: 'Jürgen',
      birth: '1970-05-17',
      customerNumber: 'C-JUERGEN',
    }),
    ...w.vertrag(kfz, {
      start: '2022-01-01',
      end: '2023-01-01',
      frequency: '1',
      status: '4',
      exitReason: '04',
      exitDate: '2023-01-01',
      gross: 45000,
    }),
    w.record('0220', kfz, '1', {}),
  ];
  const broken = [
    ...w.person(h('X-1', '030'), { surname: 'Zerbrochen', firstName: 'Zoe', birth: '1990-01-01' }),
    ...w.vertrag(h('X-1', '030'), { status: '1' }),
  ];
  return w.file([...w.paket(condor, body), ...w.paket(condor, broken, 99)], '\r\n');
}

async function zipOf(name: string, bytes: Buffer): Promise<Buffer> {
  const archive = new ZipArchive({ zlib: { level: 6 } });
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise((r) => out.on('end', r));
  archive.pipe(out);
  archive.append(bytes, { name });
  archive.append('ignore me', { name: 'liesmich.pdf' });
  await archive.finalize();
  await done;
  return Buffer.concat(parts);
}

async function importFile(fileName: string, bytes: Buffer) {
  const key = objectKey(world.A.id, 'imports');
  await putObject({ tenantId: world.A.id, key, body: bytes, contentType: 'application/octet-stream' });
  const [job] = await db
    .insert(importJobs)
    .values({
      tenantId: world.A.id,
      createdBy: world.adminA.id,
      kind: 'gdv',
      fileKeys: [key],
      fileName,
      sizeBytes: bytes.length,
      work: 'check',
    })
    .returning();
  await runImportJobs(db);
  return job!.id;
}
async function apply(jobId: string, work: 'apply' | 'undo' = 'apply') {
  await db.update(importJobs).set({ work }).where(eq(importJobs.id, jobId));
  await runImportJobs(db);
  const [job] = await db.select().from(importJobs).where(eq(importJobs.id, jobId));
  return job!;
}
const rowsOf = (jobId: string) =>
  db.select().from(importRows).where(eq(importRows.jobId, jobId)).orderBy(asc(importRows.line), asc(importRows.kind));
const contractByKey = async (key: string) =>
  (
    await db
      .select()
      .from(contracts)
      .where(and(eq(contracts.tenantId, world.A.id), eq(contracts.gdvKey, key)))
  )[0];

beforeAll(async () => {
  ({ db } = await testDb());
  world = await makeWorld(db, 'gdv');
  karla = await contact(db, world.A, 'Datenfreigabe', world.adminA.id, {
    by: world.adminA,
    grants: everywhere(sw(false, true, false)),
  });
  await db.update(users).set({ firstName: 'Karla', birthDate: '1980-02-03' }).where(eq(users.id, karla.id));
});

describe('GDV import job', () => {
  let first: string;

  it('checks a file: neu rows, one person for two contracts, the broken Datenpaket as Fehler', async () => {
    first = await importFile(
      'bestand-2026-11.gdv',
      await zipOf('bestand-2026-11.gdv', gdvFile({ hausratPremium: 11900, haftEnd: '2027-01-01' })),
    );
    const [job] = await db.select().from(importJobs).where(eq(importJobs.id, first));
    expect(job).toMatchObject({ state: 'checked', error: null, work: null });
    const rows = await rowsOf(first);
    const summary = rows.map((r) => [r.kind, r.status, r.matchKey]);
    expect(summary).toEqual([
      ['provider', 'new', 'vu:5339'],
      ['person', 'changed', 'kn:5339:C-KARLA'],
      ['contract', 'new', '5339|130|HR-1|'],
      ['person', 'new', 'kn:5339:C-JUERGEN'],
      ['contract', 'new', '5339|040|HP-7|'],
      ['contract', 'new', '5339|051|K-9|'],
      ['contract', 'error', null],
    ]);
    expect(rows.find((r) => r.kind === 'person' && r.status === 'changed')!.targetId).toBe(karla.id);
    const refused = rows.filter((r) => r.status === 'error');
    expect(new Set(refused.map((r) => r.reasonKey))).toEqual(new Set(['gdv.errors.count']));
    expect(refused[0]!.reasonValues).toMatchObject({ expected: 99, actual: 4, field: 'Anzahl Sätze' });
    expect(job!.counts).toMatchObject({
      packets: 1,
      packetsRefused: 1,
      skippedRecords: 1,
      new: 5,
      changed: 1,
      error: 1,
    });
    expect(rows.find((r) => r.matchKey === '5339|040|HP-7|')!.after).toMatchObject({
      product: 'Privathaftpflichtversicherung',
      startDate: '2004-03',
      premiumCents: 500,
      premiumBasis: 'netto',
      frequency: 'monatlich',
    });
    expect(await db.select().from(contracts).where(eq(contracts.origin, 'import'))).toHaveLength(0);
  });

  it('applies: contracts in the folders with their values, the insurer and Kundennummern recorded', async () => {
    const job = await apply(first);
    expect(job.state).toBe('applied');
    const hr = await contractByKey('5339|130|HR-1|');
    expect(hr).toMatchObject({
      contactId: karla.id,
      area: 'insurance',
      product: 'Hausratversicherung',
      title: 'Hausrat Komfort',
      provider: 'Condor Allgemeine',
      number: 'HR-0001',
      sparte: '130',
      status: 'aktiv',
      frequency: 'jährlich',
      premiumCents: 11900,
      premiumBasis: 'brutto',
      startDate: '2020-01-01',
      endDate: '2027-01-01',
      mainDueDate: '2027-01-01',
      origin: 'import',
      createdByClient: false,
    });
    const hp = await contractByKey('5339|040|HP-7|');
    expect(hp).toMatchObject({ startDate: null, partialDates: { startDate: '2004-03' } });
    const kfz = await contractByKey('5339|051|K-9|');
    expect(kfz).toMatchObject({
      status: 'beendet',
      exitReason: '04',
      exitDate: '2023-01-01',
      contactId: hp!.contactId,
    });
    const [juergen] = await db.select().from(users).where(eq(users.id, hp!.contactId));
    expect(juergen).toMatchObject({
      firstName: 'Jürgen',
      lastName: 'Müller',
      birthDate: '1970-05-17',
      email: '',
      status: 'none',
      salutation: 'Herr',
    });
    expect(
      await db
        .select({ vu: providers.vuNumber, name: providers.name })
        .from(providers)
        .where(eq(providers.tenantId, world.A.id)),
    ).toEqual([{ vu: '5339', name: 'Condor Allgemeine' }]);
    const numbers = await db.select().from(contactInsurerNumbers).where(eq(contactInsurerNumbers.tenantId, world.A.id));
    expect(numbers.map((n) => [n.contactId, n.customerNumber]).sort()).toEqual(
      [
        [hp!.contactId, 'C-JUERGEN'],
        [karla.id, 'C-KARLA'],
      ].sort(),
    );
    expect(await db.select().from(contracts).where(eq(contracts.gdvKey, '5339|030|X-1|'))).toHaveLength(0);
    // FREIGABEN as for an advisor's contract: Karla (DATENFREIGABE) sees hers; no account was created.
    const seen = await listArea(await ctxFor(db, world.A.id, karla.id), {
      contactId: karla.id,
      area: 'insurance',
    } as never);
    expect(JSON.stringify(seen)).toContain('HR-0001');
    const created = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, world.A.id), eq(auditLog.action, 'contract.created')));
    expect(
      created.filter((a) => (a.meta as { importFile?: string }).importFile === 'bestand-2026-11.gdv'),
    ).toHaveLength(3);
  });

  it('re-imports the same delivery idempotently: everything unverändert, nothing written', async () => {
    const before = await db.select().from(contracts).where(eq(contracts.origin, 'import')).orderBy(asc(contracts.id));
    const again = await importFile(
      'bestand-2026-11-nochmal.gdv',
      gdvFile({ hausratPremium: 11900, haftEnd: '2027-01-01' }),
    );
    const rows = await rowsOf(again);
    expect(rows.filter((r) => r.status !== 'error').map((r) => [r.kind, r.status])).toEqual([
      ['person', 'unchanged'],
      ['contract', 'unchanged'],
      ['person', 'unchanged'],
      ['contract', 'unchanged'],
      ['contract', 'unchanged'],
    ]);
    await apply(again);
    expect(await db.select().from(contracts).where(eq(contracts.origin, 'import')).orderBy(asc(contracts.id))).toEqual(
      before,
    );
  });

  it("next month: the insurer's changes applied with history; a client's edit is a conflict, never overwritten; undo restores", async () => {
    const hr = (await contractByKey('5339|130|HR-1|'))!;
    // Karla (DATENFREIGABE) changes her Hausrat premium in the portal.
    await updateContract(await ctxFor(db, world.A.id, karla.id), {
      ...contractForm('insurance', {
        product: 'Hausratversicherung',
        provider: 'Condor Allgemeine',
        number: 'HR-0001',
        frequency: 'jährlich',
        premium: '99,00',
        title: 'Hausrat Komfort',
        startDate: '2020-01-01',
        endDate: '2027-01-01',
      }),
      id: hr.id,
    });
    const next = await importFile('bestand-2026-12.gdv', gdvFile({ hausratPremium: 12500, haftEnd: '2028-01-01' }));
    const rows = await rowsOf(next);
    const hrRow = rows.find((r) => r.matchKey === '5339|130|HR-1|')!;
    expect(hrRow).toMatchObject({
      status: 'changed',
      after: {},
      reasonKey: 'gdv.reasons.conflict',
      reasonValues: { fields: 'Beitrag' },
    });
    const hpRow = rows.find((r) => r.matchKey === '5339|040|HP-7|')!;
    expect(hpRow).toMatchObject({
      status: 'changed',
      before: { endDate: '2027-01-01' },
      after: { endDate: '2028-01-01' },
    });
    await apply(next);
    expect((await contractByKey('5339|130|HR-1|'))!.premiumCents).toBe(9900);
    const hp = (await contractByKey('5339|040|HP-7|'))!;
    expect(hp.endDate).toBe('2028-01-01');
    const [history] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'contract.updated'), eq(auditLog.targetId, hp.contactId)));
    expect(history!.meta).toMatchObject({ fields: ['endDate'], importFile: 'bestand-2026-12.gdv' });
    expect(folderDetail(history!.action, history!.meta as Record<string, unknown>, 'de')).toBe(
      'VERSICHERUNGEN: Privathaftpflichtversicherung · Condor Allgemeine (Ablauf) – geändert durch Import bestand-2026-12.gdv',
    );

    const undone = await apply(next, 'undo');
    expect(undone.state).toBe('undone');
    expect((await contractByKey('5339|040|HP-7|'))!.endDate).toBe('2027-01-01');
    expect((await contractByKey('5339|130|HR-1|'))!.premiumCents).toBe(9900);
  });

  it('undoes the first import only where untouched since (edited contracts and their person are left)', async () => {
    const job = await apply(first, 'undo');
    expect(job.state).toBe('undone');
    const outcomes = (await rowsOf(first)).filter((r) => r.appliedAt).map((r) => [r.matchKey, r.undoOutcome]);
    expect(outcomes).toEqual([
      ['vu:5339', 'undone'],
      ['kn:5339:C-KARLA', 'undone'],
      ['5339|130|HR-1|', 'left'], // Karla edited it
      ['kn:5339:C-JUERGEN', 'left'], // still has a contract
      ['5339|040|HP-7|', 'left'], // changed by the December import since
      ['5339|051|K-9|', 'undone'],
    ]);
    expect(await contractByKey('5339|130|HR-1|')).toBeDefined();
    expect(await contractByKey('5339|051|K-9|')).toBeUndefined();
    expect(
      await db.select().from(contactInsurerNumbers).where(eq(contactInsurerNumbers.contactId, karla.id)),
    ).toHaveLength(0);
    expect(await db.select().from(providers).where(eq(providers.tenantId, world.A.id))).toHaveLength(0);
  });

  it('refuses a large Datenpaket as a whole even after its first rows were stored; the other Datenpaket imports', async () => {
    const rv = { vu: '5438', sender: 'R+V Allgemeine' };
    const body: string[] = [];
    for (let i = 0; i < 250; i++) {
      const hd = { vu: '5438', sparte: '030', policy: `U-${i}` };
      body.push(
        ...w.person(hd, { surname: `Gross${i}`, firstName: 'Gerd', birth: '1975-01-01' }),
        ...w.vertrag(hd, { status: '1' }),
      );
    }
    const ok = [
      ...w.person(
        { vu: '5438', sparte: '030', policy: 'OK-1' },
        { surname: 'Heil', firstName: 'Hanna', birth: '1985-01-01' },
      ),
      ...w.vertrag({ vu: '5438', sparte: '030', policy: 'OK-1' }, { status: '1' }),
    ];
    const job = await importFile('rv.gdv', w.file([...w.paket(rv, body, 7), ...w.paket(rv, ok)], ''));
    const rows = await rowsOf(job);
    const firstPacket = rows.filter((r) => r.groupKey === 'rv.gdv#1');
    expect(firstPacket.length).toBe(200 * 2 + 1); // the 200 checked contracts and persons, the refusal
    expect(rows.find((r) => r.kind === 'provider')).toMatchObject({ status: 'new', groupKey: null });
    expect(new Set(firstPacket.map((r) => `${r.status}:${r.reasonKey}`))).toEqual(new Set(['error:gdv.errors.count']));
    expect(rows.filter((r) => r.groupKey === 'rv.gdv#2').map((r) => [r.kind, r.status])).toEqual([
      ['person', 'new'],
      ['contract', 'new'],
    ]);
  });
});
