import { and, count, eq, sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccountsInBulk } from '../../lib/contacts/bulk-account';
import { createContact } from '../../lib/contacts/create';
import { updateContact } from '../../lib/contacts/update';
import type { Ctx } from '../../lib/ctx';
import type { Db } from '../../lib/db/client';
import { auditLog, contactProfiles, importJobs, importRows, outbox, users, type Tenant } from '../../lib/db/schema';
import { createImport, importJob, presignImport } from '../../lib/import/jobs';
import { LeaseLost, renewLease } from '../../lib/import/lease';
import { previewImport } from '../../lib/import/preview';
import { applyImport, excludeRow, startCheck, undoImport } from '../../lib/import/review';
import { claimImportJob, runImportJobs } from '../../lib/jobs/imports';
import { ctxFor } from './ctx';
import { testDb } from './db';
import { makeTenant } from './fixtures';
import { employee, level } from './folder-world';

let db: Db;
let tenant: Tenant;
let admin: Ctx;
let existingId: string;

/** The browser's part: presign, multipart POST to S3 (s3rver), then the job. */
async function upload(ctx: Ctx, name: string, body: Buffer, type = 'text/csv') {
  const post = await presignImport(ctx, { filename: name, contentType: type, size: body.length });
  const form = new FormData();
  for (const [k, v] of Object.entries(post.fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(body)], { type }), name);
  const res = await fetch(post.url, { method: 'POST', body: form });
  expect(res.status).toBeLessThan(300);
  return createImport(ctx, { uploadId: post.id, kind: 'contacts' });
}

async function mapAndCheck(ctx: Ctx, id: string) {
  const preview = await previewImport(ctx, id);
  await startCheck(ctx, { id, mapping: preview!.mapping });
  await runImportJobs(db, 'test-worker');
  return importJob(ctx, id);
}

const csv = [
  'Anrede;Vorname;Nachname;Firma;Geburtsdatum;E-Mail;Telefon;Straße;Hausnummer;PLZ;Ort;Kundennummer',
  'Frau;Jörg;Müller;;01.02.1980;joerg@x.example;030 1234567;Hauptstraße;5;10115;Berlin;K-1',
  'Herr;Bernd;Bestand;;1975-05-06;bestand@x.example;;Neue Str.;7;;;K-2',
  'Firma;;;Ärger GmbH;;firma@x.example;;;;;;',
  ';Ohne;Mail;;;;;;;;;K-4',
  'Herr;Doppelt;Gleich;;;JOERG@x.example;;;;;;',
  'Frau;Falsch;Datum;;31.02.1990;datum@x.example;;;;;;',
  'Frau;Schlecht;Adresse;;;keine-mail;;;;;;',
  'Herr;Aus;Geschlossen;;;aus@x.example;;;;;;',
].join('\r\n');

beforeAll(async () => {
  ({ db } = await testDb());
  ({ tenant } = await makeTenant(db, 'imp'));
  const [a] = await db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, tenant.id), eq(users.role, 'admin')));
  admin = await ctxFor(db, tenant, a!.id);
  existingId = (
    await createContact(admin, {
      salutation: 'Herr',
      title: null,
      firstName: 'Bernd',
      lastName: 'Bestand',
      birthDate: '1975-05-06',
      email: 'bestand@x.example',
      phone: null,
      mobile: null,
      street: 'Alte Str. 1',
      zip: null,
      city: null,
      advisorId: null,
      note: null,
    })
  ).id;
});

describe('contact import job (upload → check → review → apply → undo)', () => {
  let jobId: string;

  it('reads a Windows-1252 CSV with ; streaming from S3 and proposes every row', async () => {
    ({ id: jobId } = await upload(admin, 'kontakte.csv', iconv.encode(csv, 'win1252')));
    const job = await mapAndCheck(admin, jobId);
    expect(job.state).toBe('checked');
    const rows = await db.select().from(importRows).where(eq(importRows.jobId, jobId)).orderBy(importRows.line);
    const by = (line: number) => rows.find((r) => r.line === line)!;
    expect(by(2)).toMatchObject({ status: 'new', matchKey: 'joerg@x.example' });
    expect(by(2).after).toMatchObject({
      firstName: 'Jörg',
      lastName: 'Müller',
      birthDate: '1980-02-01',
      street: 'Hauptstraße 5',
    });
    expect(by(3)).toMatchObject({ status: 'changed', targetId: existingId });
    expect(by(3).before).toMatchObject({ street: 'Alte Str. 1' });
    expect(by(3).after).toMatchObject({ street: 'Neue Str. 7' });
    expect(by(4).after).toMatchObject({ company: 'Ärger GmbH', lastName: 'Ärger GmbH', firstName: '' });
    expect(by(5)).toMatchObject({ status: 'new', reasonKey: 'import.reasons.missingData' });
    expect(by(6)).toMatchObject({ status: 'error', reasonKey: 'import.reasons.emailTwice', reasonValues: { line: 2 } });
    expect(by(7)).toMatchObject({ status: 'error', reasonKey: 'forms.dateInvalid', reasonField: 'birthDate' });
    expect(by(8)).toMatchObject({ status: 'error', reasonKey: 'forms.emailInvalid', reasonField: 'email' });
    expect(job.counts).toMatchObject({ total: 8, new: 4, changed: 1, error: 3 });
  });

  it('applies the accepted rows in the worker, without accounts and without mail', async () => {
    const aus = (
      await db
        .select()
        .from(importRows)
        .where(and(eq(importRows.jobId, jobId), eq(importRows.line, 9)))
    )[0]!;
    await excludeRow(admin, { id: jobId, rowId: aus.id, excluded: true });
    await applyImport(admin, { id: jobId });
    await expect(applyImport(admin, { id: jobId })).rejects.toMatchObject({ code: 'conflict' });
    await runImportJobs(db, 'test-worker');
    const job = await importJob(admin, jobId);
    expect(job.state).toBe('applied');
    expect(job.counts).toMatchObject({ applied: 4, refused: 0 });
    const imported = await db
      .select({
        email: users.email,
        status: users.status,
        origin: contactProfiles.origin,
        street: contactProfiles.street,
      })
      .from(users)
      .innerJoin(contactProfiles, eq(contactProfiles.userId, users.id))
      .where(eq(users.tenantId, tenant.id));
    expect(
      imported
        .filter((r) => r.origin === 'import')
        .map((r) => r.email)
        .sort(),
    ).toEqual(['', 'firma@x.example', 'joerg@x.example']);
    expect(imported.every((r) => r.status === 'none' || r.email === '' || r.origin !== 'import')).toBe(true);
    expect(imported.find((r) => r.email === 'bestand@x.example')!.street).toBe('Neue Str. 7');
    expect(imported.some((r) => r.email === 'aus@x.example')).toBe(false);
    const [mails] = await db.select({ n: count() }).from(outbox).where(eq(outbox.tenantId, tenant.id));
    expect(mails!.n).toBe(0);
    const [audits] = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'contact.imported'));
    expect(audits!.n).toBe(3);
  });

  it('a second apply run (restart after a crash) writes nothing twice', async () => {
    const before = await db.select({ n: count() }).from(users).where(eq(users.tenantId, tenant.id));
    await db.update(importJobs).set({ work: 'apply', state: 'checked' }).where(eq(importJobs.id, jobId));
    await runImportJobs(db, 'other-instance');
    const after = await db.select({ n: count() }).from(users).where(eq(users.tenantId, tenant.id));
    expect(after[0]!.n).toBe(before[0]!.n);
    expect((await importJob(admin, jobId)).state).toBe('applied');
  });

  it('undo removes what it created and restores what it changed, leaving what was touched since', async () => {
    const [joerg] = await db.select().from(users).where(eq(users.email, 'joerg@x.example'));
    await updateContact(admin, {
      id: joerg!.id,
      salutation: 'Frau',
      title: null,
      firstName: 'Jörg',
      lastName: 'Müller-Neu',
      birthDate: '1980-02-01',
      email: 'joerg@x.example',
      phone: null,
      mobile: null,
      street: null,
      zip: null,
      city: null,
      advisorId: null,
      note: null,
    });
    await undoImport(admin, { id: jobId });
    await runImportJobs(db, 'test-worker');
    const job = await importJob(admin, jobId);
    expect(job.state).toBe('undone');
    expect(job.counts).toMatchObject({ undone: 3, left: 1 });
    const emails = (await db.select({ e: users.email }).from(users).where(eq(users.tenantId, tenant.id))).map(
      (r) => r.e,
    );
    expect(emails).toContain('joerg@x.example');
    expect(emails).not.toContain('firma@x.example');
    const [bestand] = await db.select().from(contactProfiles).where(eq(contactProfiles.userId, existingId));
    expect(bestand!.street).toBe('Alte Str. 1');
  });
});

describe('the job runs once', () => {
  it('two workers claim one job once; a lost lease commits nothing; a resumed check stores no row twice', async () => {
    const { id } = await upload(admin, 'b.csv', Buffer.from('\uFEFFE-Mail,Nachname,Vorname\r\na@y.example,A,B\r\n'));
    const preview = await previewImport(admin, id);
    expect(preview!.mapping).toEqual({ '0': 'email', '1': 'lastName', '2': 'firstName' });
    await startCheck(admin, { id, mapping: preview!.mapping });
    const [a, b] = await Promise.all([claimImportJob(db, 'A'), claimImportJob(db, 'B')]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const holder = a ? 'A' : 'B';
    expect(await claimImportJob(db, 'C')).toBeNull();
    await db
      .update(importJobs)
      .set({ claimedUntil: sql`now() - interval '1 second'` })
      .where(eq(importJobs.id, id));
    const taken = await claimImportJob(db, 'C');
    expect(taken?.id).toBe(id);
    await expect(db.transaction((tx) => renewLease(tx, id, holder))).rejects.toBeInstanceOf(LeaseLost);
    await runImportJobs(db, 'C'); // C holds it: nothing to claim, so run it through its lease
    await db
      .update(importJobs)
      .set({ claimedUntil: sql`now() - interval '1 second'` })
      .where(eq(importJobs.id, id));
    await runImportJobs(db, 'C');
    // A crash after the rows were stored: the check runs again from the start.
    await db.update(importJobs).set({ work: 'check', state: 'uploaded' }).where(eq(importJobs.id, id));
    await runImportJobs(db, 'D');
    const [n] = await db.select({ n: count() }).from(importRows).where(eq(importRows.jobId, id));
    expect(n!.n).toBe(1);
    expect((await importJob(admin, id)).state).toBe('checked');
  });
});

describe('rights', () => {
  it('an employee without the right "Import" may not import; with it, only their own jobs', async () => {
    const plain = await ctxFor(db, tenant, await employee(db, tenant, 'Ohne', level('write')));
    await expect(presignImport(plain, { filename: 'a.csv', contentType: 'text/csv', size: 10 })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const withRight = await ctxFor(db, tenant, await employee(db, tenant, 'Mit', { ...level('write'), import: true }));
    const post = await presignImport(withRight, { filename: 'a.csv', contentType: 'text/csv', size: 10 });
    expect(post.id).toBeTruthy();
    const [job] = await db.select().from(importJobs).where(eq(importJobs.tenantId, tenant.id)).limit(1);
    await expect(importJob(withRight, job!.id)).rejects.toMatchObject({ code: 'not_found' });
    const other = await makeTenant(db, 'imp2');
    const otherAdmin = await ctxFor(db, other.tenant, other.admin.id);
    await expect(importJob(otherAdmin, job!.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('bulk BENUTZERKONTO ERSTELLEN + REGISTRIERUNGSMAIL', () => {
  it('creates accounts only for contacts with e-mail and birth date, mails through the outbox', async () => {
    const { id: jobId } = await upload(
      admin,
      'bulk.csv',
      Buffer.from(
        'Vorname;Nachname;E-Mail;Geburtsdatum\nVoll;Staendig;voll@z.example;01.01.1970\nHalb;Fehlt;halb@z.example;\n',
      ),
    );
    await mapAndCheck(admin, jobId);
    await applyImport(admin, { id: jobId });
    await runImportJobs(db, 'test-worker');
    const ids = (
      await db
        .select({ id: users.id })
        .from(users)
        .where(sql`${users.email} in ('voll@z.example', 'halb@z.example')`)
    ).map((r) => r.id);
    const result = await createAccountsInBulk(admin, { ids, all: undefined, q: '', filter: 'all' });
    expect(result).toEqual({ created: 1, skipped: 1 });
    const [mails] = await db.select({ n: count() }).from(outbox).where(eq(outbox.toAddress, 'voll@z.example'));
    expect(mails!.n).toBe(1);
    const [halb] = await db.select().from(users).where(eq(users.email, 'halb@z.example'));
    expect(halb!.status).toBe('none');
  });
});
