/**
 * The import job with the file shapes brokers ship (issue 14), against real PostgreSQL and s3rver: a ZIP with
 * several files (two GDV deliveries and a CSV) and an XLSX export through the whole job (check → apply →
 * report → undo), and the uploaded file's life: deleted from S3 once the job is final, or after the retention
 * period by the sweeper.
 */
import { ZipArchive } from 'archiver';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../lib/ctx';
import type { Db } from '../../lib/db/client';
import { auditLog, contactProfiles, contracts, importJobs, importRows, users, type Tenant } from '../../lib/db/schema';
import { createImport, importJob, presignImport } from '../../lib/import/jobs';
import { previewImport } from '../../lib/import/preview';
import { refusedCsvResponse } from '../../lib/import/refused-csv';
import { importFileRetentionDays, sweepImportFiles } from '../../lib/import/retention';
import { applyImport, cancelImport, startCheck, undoImport } from '../../lib/import/review';
import { chunkSize } from '../../lib/import/run-apply';
import { runImportJobs } from '../../lib/jobs/imports';
import { getObjectBytes } from '../../lib/storage';
import * as w from '../unit/gdv/writer';
import { ctxFor } from './ctx';
import { testDb } from './db';
import { makeTenant } from './fixtures';

let db: Db;
let owner: import('postgres').Sql;
let tenant: Tenant;
let admin: Ctx;

const zipType = 'application/zip';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function zipOf(files: Record<string, Buffer | string>): Promise<Buffer> {
  const archive = new ZipArchive({ zlib: { level: 6 } });
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise((r) => out.on('end', r));
  archive.pipe(out);
  for (const [name, body] of Object.entries(files)) archive.append(body, { name });
  await archive.finalize();
  await done;
  return Buffer.concat(parts);
}

/** The browser's part: presign, multipart POST to S3 (s3rver), then the job. */
async function upload(name: string, body: Buffer, type: string, kind: 'contacts' | 'gdv') {
  const post = await presignImport(admin, { filename: name, contentType: type, size: body.length });
  const form = new FormData();
  for (const [k, v] of Object.entries(post.fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(body)], { type }), name);
  const res = await fetch(post.url, { method: 'POST', body: form });
  expect(res.status).toBeLessThan(300);
  return (await createImport(admin, { uploadId: post.id, kind })).id;
}

const run = () => runImportJobs(db, 'test-worker');
const rowsOf = (id: string) => db.select().from(importRows).where(eq(importRows.jobId, id));
const stored = async (key: string) =>
  getObjectBytes(tenant.id, key).then(
    () => true,
    () => false,
  );

function delivery(vu: string, sender: string, policies: string[], surname: string): Buffer {
  const body = policies.flatMap((policy, i) => {
    const h = { vu, sparte: '040', policy };
    return [
      ...w.person(h, {
        salutation: '2',
        surname,
        firstName: 'Zia',
        birth: `1981-04-${String((i % 28) + 1).padStart(2, '0')}`,
        customerNumber: `${surname}-${i}`,
      }),
      ...w.vertrag(h, {
        start: '2021-01-01',
        end: '2027-01-01',
        frequency: '1',
        status: '1',
        net: 5000 + i,
        product: 'PHV',
      }),
    ];
  });
  return w.file(w.paket({ vu, sender, from: '2026-11-01', to: '2026-11-30' }, body), '\n');
}

beforeAll(async () => {
  ({ db, owner } = await testDb());
  ({ tenant } = await makeTenant(db, 'impfiles'));
  const [a] = await db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, tenant.id), eq(users.role, 'admin')));
  admin = await ctxFor(db, tenant, a!.id);
});

describe('a ZIP with several files', () => {
  const archive = () =>
    zipOf({
      'condor.gdv': delivery('5339', 'Condor Allgemeine', ['Z-1', 'Z-2'], 'Zipfel'),
      'allianz/bestand.dat': delivery('5312', 'Allianz Versicherung', ['Z-9'], 'Zapf'),
      'kontakte.csv': 'Vorname;Nachname;E-Mail\nZora;Zettel;zora@zip.example\nZeno;Zettel;zeno@zip.example\n',
      'liesmich.pdf': 'not read',
    });
  let gdvJob: string;

  it('a GDV job reads every delivery in the archive (each row names its file), skips the table and the PDF', async () => {
    gdvJob = await upload('lieferung.zip', await archive(), zipType, 'gdv');
    await run();
    const job = await importJob(admin, gdvJob);
    expect(job).toMatchObject({ state: 'checked', error: null });
    expect(job.counts).toMatchObject({ files: 2, contracts: 3, packets: 2 });
    const rows = await rowsOf(gdvJob);
    expect(new Set(rows.map((r) => r.fileName))).toEqual(new Set(['condor.gdv', 'bestand.dat']));
    expect(
      rows
        .filter((r) => r.kind === 'contract')
        .map((r) => r.matchKey)
        .sort(),
    ).toEqual(['5312|040|Z-9|', '5339|040|Z-1|', '5339|040|Z-2|']);
  });

  it('applies both deliveries (insurers, persons, contracts), deletes the archive, undo takes it all back', async () => {
    const key = (await importJob(admin, gdvJob)).fileKeys[0]!;
    expect(await stored(key)).toBe(true);
    await applyImport(admin, { id: gdvJob });
    await run();
    const job = await importJob(admin, gdvJob);
    expect(job.state).toBe('applied');
    expect(job.counts).toMatchObject({ applied: 8, refused: 0 }); // 2 insurers, 3 persons, 3 contracts
    const mine = await db.select().from(contracts).where(eq(contracts.tenantId, tenant.id));
    expect(mine.map((c) => c.gdvKey).sort()).toEqual(['5312|040|Z-9|', '5339|040|Z-1|', '5339|040|Z-2|']);
    const history = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenant.id), eq(auditLog.action, 'contract.created')));
    expect(new Set(history.map((a) => (a.meta as { importFile: string }).importFile))).toEqual(
      new Set(['condor.gdv', 'bestand.dat']),
    );
    // Übernommen: the uploaded file (personal data of many contacts) is gone.
    expect(job.fileKeys).toEqual([]);
    expect(await stored(key)).toBe(false);
    await undoImport(admin, { id: gdvJob });
    await run();
    const undone = await importJob(admin, gdvJob);
    expect(undone.state).toBe('undone');
    expect(undone.counts).toMatchObject({ undone: 8, left: 0 });
    expect(await db.$count(contracts, eq(contracts.tenantId, tenant.id))).toBe(0);
  });

  it('a contacts job reads the CSV of the same archive and nothing else', async () => {
    const id = await upload('lieferung.zip', await archive(), zipType, 'contacts');
    const preview = await previewImport(admin, id);
    await startCheck(admin, { id, mapping: preview!.mapping });
    await run();
    const rows = await rowsOf(id);
    expect(rows.map((r) => [r.fileName, r.matchKey, r.status]).sort()).toEqual([
      ['kontakte.csv', 'zeno@zip.example', 'new'],
      ['kontakte.csv', 'zora@zip.example', 'new'],
    ]);
    await cancelImport(admin, { id });
    expect((await importJob(admin, id)).fileKeys).toEqual([]);
  });
});

describe('an XLSX export', () => {
  it('goes through the whole job: Excel dates, a refused row in the report, apply, undo', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Kunden');
    sheet.addRow(['Anrede', 'Vorname', 'Nachname', 'Geburtsdatum', 'E-Mail', 'PLZ', 'Ort']);
    sheet.addRow(['Frau', 'Xenia', 'Exzel', new Date(Date.UTC(1979, 10, 30)), 'xenia@xlsx.example', 50667, 'Köln']);
    sheet.addRow(['Herr', 'Xaver', 'Exzel', 29221, 'xaver@xlsx.example', '01067', 'Dresden']);
    sheet.addRow(['Herr', 'Kaputt', 'Exzel', '', 'keine-mail', '', '']);
    wb.addWorksheet('Notizen').addRow(['nicht', 'lesen']);
    const id = await upload('kunden.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), xlsxType, 'contacts');
    const preview = await previewImport(admin, id);
    expect(Object.values(preview!.mapping)).toEqual([
      'salutation',
      'firstName',
      'lastName',
      'birthDate',
      'email',
      'zip',
      'city',
    ]);
    await startCheck(admin, { id, mapping: preview!.mapping });
    await run();
    const rows = await rowsOf(id);
    const by = (line: number) => rows.find((r) => r.line === line)!;
    expect(by(2).after).toMatchObject({ birthDate: '1979-11-30', zip: '50667', city: 'Köln' });
    expect(by(3).after).toMatchObject({ birthDate: '1980-01-01', zip: '01067' });
    expect(by(4)).toMatchObject({ status: 'error', reasonKey: 'forms.emailInvalid', reasonField: 'email' });

    const report = await (await refusedCsvResponse(admin, id)).text();
    expect(report).toContain('keine-mail');
    expect(report.split('\r\n').filter(Boolean)).toHaveLength(2);

    await applyImport(admin, { id });
    await run();
    const job = await importJob(admin, id);
    expect(job).toMatchObject({ state: 'applied', fileKeys: [] });
    expect(job.counts).toMatchObject({ applied: 2, refused: 0, error: 1 });
    const made = await db
      .select({ email: users.email, birth: users.birthDate, city: contactProfiles.city })
      .from(users)
      .innerJoin(contactProfiles, eq(contactProfiles.userId, users.id))
      .where(and(eq(users.tenantId, tenant.id), eq(contactProfiles.origin, 'import')));
    expect(
      made.filter((m) => m.email.endsWith('@xlsx.example')).sort((a, b) => a.email.localeCompare(b.email)),
    ).toEqual([
      { email: 'xaver@xlsx.example', birth: '1980-01-01', city: 'Dresden' },
      { email: 'xenia@xlsx.example', birth: '1979-11-30', city: 'Köln' },
    ]);
    await undoImport(admin, { id });
    await run();
    expect((await importJob(admin, id)).counts).toMatchObject({ undone: 2, left: 0 });
  });
});

describe('the uploaded file does not outlive its purpose', () => {
  const csv = Buffer.from('Nachname;E-Mail\nRest;rest@ret.example\n');

  it('ABBRECHEN deletes the file at once', async () => {
    const id = await upload('weg.csv', csv, 'text/csv', 'contacts');
    const key = (await importJob(admin, id)).fileKeys[0]!;
    expect(await stored(key)).toBe(true);
    await cancelImport(admin, { id });
    expect(await stored(key)).toBe(false);
    expect((await importJob(admin, id)).fileKeys).toEqual([]);
  });

  it('the sweeper cancels a job abandoned past the retention period and deletes its file; a recent one stays', async () => {
    const old = await upload('alt.csv', csv, 'text/csv', 'contacts');
    const fresh = await upload('neu.csv', csv, 'text/csv', 'contacts');
    const oldKey = (await importJob(admin, old)).fileKeys[0]!;
    const freshKey = (await importJob(admin, fresh)).fileKeys[0]!;
    await db
      .update(importJobs)
      .set({ updatedAt: sql`now() - make_interval(days => ${importFileRetentionDays + 1})` })
      .where(eq(importJobs.id, old));
    // Storage down: the job is cancelled, the key kept for the next round.
    await sweepImportFiles(db, { remove: () => Promise.reject(new Error('s3 down')) });
    expect(await importJob(admin, old)).toMatchObject({
      state: 'cancelled',
      error: 'import.errors.expired',
      fileKeys: [oldKey],
    });
    expect(await stored(oldKey)).toBe(true);
    await sweepImportFiles(db);
    expect((await importJob(admin, old)).fileKeys).toEqual([]);
    expect(await stored(oldKey)).toBe(false);
    expect(await importJob(admin, fresh)).toMatchObject({ state: 'uploaded', fileKeys: [freshKey] });
    expect(await stored(freshKey)).toBe(true);
    const expired = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'import.expired'), eq(auditLog.targetId, old)));
    expect(expired).toHaveLength(1);
  });
});

describe('GDV apply in chunks', () => {
  it('a crash in the middle (second contract chunk) resumes after the last committed chunk and writes nothing twice', async () => {
    const n = chunkSize + 50;
    const policies = Array.from({ length: n }, (_, i) => `C-${String(i).padStart(4, '0')}`);
    const id = await upload(
      'gross.gdv',
      delivery('5340', 'Chunk Versicherung', policies, 'Chunk'),
      'text/plain',
      'gdv',
    );
    await run();
    expect((await importJob(admin, id)).counts).toMatchObject({ new: 2 * n + 1, error: 0 });
    // A fault inside the second chunk of contracts: its transaction (and the row-by-row retry) fails.
    // As the owner: the app role may not create functions or triggers.
    await owner.unsafe(`
      CREATE FUNCTION test_chunk_fault() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.gdv_key = '5340|040|C-0420|' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$`);
    await owner.unsafe(
      `CREATE TRIGGER test_chunk_fault BEFORE INSERT ON contracts FOR EACH ROW EXECUTE FUNCTION test_chunk_fault()`,
    );
    try {
      await applyImport(admin, { id });
      await run();
    } finally {
      await owner.unsafe(`DROP TRIGGER test_chunk_fault ON contracts`);
      await owner.unsafe(`DROP FUNCTION test_chunk_fault()`);
    }
    const mine = () =>
      db.$count(contracts, and(eq(contracts.tenantId, tenant.id), sql`${contracts.gdvKey} LIKE '5340|%'`));
    // Retried until given up; the first chunk of contracts (and all persons) stayed committed, nothing else.
    expect(await importJob(admin, id)).toMatchObject({ state: 'checked', work: null, error: 'import.errors.gaveUp' });
    expect(await mine()).toBe(chunkSize);
    const applied = () =>
      db.$count(importRows, and(eq(importRows.jobId, id), sql`${importRows.appliedAt} IS NOT NULL`));
    expect(await applied()).toBe(1 + n + chunkSize);

    // ÜBERNEHMEN again once the fault is gone: the rest, and nothing twice.
    await applyImport(admin, { id });
    await run();
    const job = await importJob(admin, id);
    expect(job).toMatchObject({ state: 'applied', fileKeys: [] });
    expect(job.counts).toMatchObject({ applied: 2 * n + 1, refused: 0 });
    expect(await mine()).toBe(n);
    const created = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.tenantId, tenant.id),
          eq(auditLog.action, 'contract.created'),
          sql`${auditLog.meta}->>'importJob' = ${id}`,
        ),
      );
    expect(created[0]!.n).toBe(n);
    expect(await db.$count(users, and(eq(users.tenantId, tenant.id), eq(users.lastName, 'Chunk')))).toBe(n);
  });
});
