/**
 * Documents with real object storage (s3rver): the browser upload flow (startUpload → presigned POST →
 * checkUpload → createDocument), hostile files refused by their bytes and removed from the bucket,
 * who may open, add and delete, and the clean-up of deleted and abandoned files.
 */
import { and, eq, inArray, sql as dsql } from 'drizzle-orm';
import type postgres from 'postgres';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../lib/auth/sessions';
import { createContract, deleteContract } from '../../lib/contracts';
import type { Ctx } from '../../lib/ctx';
import type { Db } from '../../lib/db/client';
import { auditLog, documentFiles, documents, uploads, type DocumentArea } from '../../lib/db/schema';
import {
  createDocument,
  deleteDocument,
  documentSchema,
  listDocuments,
  openFile,
  presignDocumentUpload,
} from '../../lib/documents';
import { checkUpload, discardUpload, sweepUploads, withExtension } from '../../lib/uploads';
import { getObjectBytes, listKeys } from '../../lib/storage';
import { ctxFor } from './ctx';
import { testDb } from './db';
import { contractForm, makeWorld, refusedUnchanged, type World } from './folder-world';

let db: Db;
let pg: postgres.Sql;
let w: World;
let jpeg: Buffer;
let png: Buffer;

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n');
const MiB = 1024 * 1024;

beforeAll(async () => {
  ({ db, sql: pg } = await testDb());
  w = await makeWorld(db, 'dokument');
  jpeg = await sharp({ create: { width: 16, height: 12, channels: 3, background: '#aa3300' } })
    .jpeg()
    .toBuffer();
  png = await sharp({ create: { width: 16, height: 12, channels: 3, background: '#0033aa' } })
    .png()
    .toBuffer();
});

const A = () => w.A.id;
/** A verb with the context a request of this actor in this tenant builds. */
const run = <I, T>(verb: (ctx: Ctx, input: I) => Promise<T>, tenant: string, actor: SessionUser, input: I) =>
  ctxFor(db, tenant, actor).then((ctx) => verb(ctx, input));
const refused = (call: () => Promise<unknown>, codes?: string[]) => refusedUnchanged(pg, call, codes);

/* ------------------------------------------------------------------ helpers */

type Place = { contactId: string; area: DocumentArea; contractId?: string | null };

/** What the browser does with the presigned POST: multipart form with the fields, then the file. */
async function postTo(
  post: { url: string; fields: Record<string, string> },
  bytes: Uint8Array,
  filename = 'upload.bin',
): Promise<number> {
  const form = new FormData();
  for (const [k, v] of Object.entries(post.fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: post.fields['Content-Type'] }), filename);
  const res = await fetch(post.url, { method: 'POST', body: form });
  await res.arrayBuffer();
  return res.status;
}

/** startUpload + the browser's POST; returns the upload id and its object key. */
async function upload(
  tenantId: string,
  actor: SessionUser,
  place: Place,
  bytes: Uint8Array,
  opts: { filename?: string; contentType?: string; size?: number } = {},
) {
  const post = await run(presignDocumentUpload, tenantId, actor, {
    contactId: place.contactId,
    area: place.area,
    contractId: place.contractId ?? null,
    filename: opts.filename ?? 'scan.pdf',
    contentType: opts.contentType ?? 'application/pdf',
    size: opts.size ?? bytes.length,
  });
  expect(Object.keys(post).sort()).toEqual(['fields', 'id', 'url']);
  expect(await postTo(post, bytes, opts.filename)).toBeLessThan(300);
  const [row] = await db.select().from(uploads).where(eq(uploads.id, post.id));
  return { id: post.id, key: row!.objectKey };
}

const docForm = (place: Place, uploadIds: string[], over: Record<string, string> = {}) =>
  documentSchema.parse({
    contactId: place.contactId,
    contractId: place.contractId ?? '',
    area: place.area,
    title: 'Police 2024',
    type: 'Police',
    documentDate: '01.03.2024',
    uploads: uploadIds.join(','),
    ...over,
  });

/** A finished document with one PDF, made by the actor. */
async function makeDocument(actor: SessionUser, place: Place, title = 'Dokument') {
  const u = await upload(A(), actor, place, pdf);
  const { id } = await run(createDocument, A(), actor, docForm(place, [u.id], { title }));
  const [file] = await db.select().from(documentFiles).where(eq(documentFiles.documentId, id));
  return { id, file: file! };
}

const keysOf = (tenantId: string, sub = '') => listKeys(tenantId, `tenants/${tenantId}/${sub}`);

async function uploadRow(id: string) {
  const [r] = await db.select().from(uploads).where(eq(uploads.id, id));
  return r ?? null;
}

/* ------------------------------------------------------------------ the happy path */

describe('document upload flow', () => {
  it('accepts a real PDF and JPEG, moves them under documents/ and removes the uploads', async () => {
    const { id: contractId } = await run(createContract, A(), w.adminA, {
      ...contractForm('insurance'),
      contactId: w.k2.id,
    });
    const place = { contactId: w.k2.id, area: 'insurance' as const, contractId };
    const u1 = await upload(A(), w.adminA, place, pdf, { filename: 'Police.pdf' });
    const u2 = await upload(A(), w.adminA, place, jpeg, {
      filename: 'Foto vom Schaden.JPEG',
      contentType: 'image/jpeg',
    });
    expect(u1.key).toMatch(new RegExp(`^tenants/${A()}/uploads/[0-9a-f-]{36}$`));
    expect(await run(checkUpload, A(), w.adminA, { id: u1.id })).toEqual({
      ok: true,
      mime: 'application/pdf',
      size: pdf.length,
    });
    expect(await run(checkUpload, A(), w.adminA, { id: u2.id })).toEqual({
      ok: true,
      mime: 'image/jpeg',
      size: jpeg.length,
    });
    // someone else cannot check (or learn about) my upload
    await expect(run(checkUpload, A(), w.writer, { id: u1.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(run(checkUpload, w.B.id, w.adminB, { id: u1.id })).rejects.toMatchObject({ code: 'not_found' });

    const { id, contactId } = await run(
      createDocument,
      A(),
      w.adminA,
      docForm(place, [u1.id, u2.id], { title: 'Police mit Foto', note: 'Original beim Kunden' }),
    );
    expect(contactId).toBe(w.k2.id);
    const [doc] = await db.select().from(documents).where(eq(documents.id, id));
    expect(doc).toMatchObject({
      tenantId: A(),
      contactId: w.k2.id,
      area: 'insurance',
      contractId,
      title: 'Police mit Foto',
      type: 'Police',
      documentDate: '2024-03-01',
      createdBy: w.adminA.id,
      createdByClient: false,
    });

    const listed = await run(listDocuments, A(), w.adminA, { contactId: w.k2.id, area: 'insurance', contractId });
    expect(listed.map((d) => d.id)).toEqual([id]);
    expect(listed[0]!.files.map((f) => [f.filename, f.mime, f.size])).toEqual([
      ['Police.pdf', 'application/pdf', pdf.length],
      ['Foto vom Schaden.JPEG', 'image/jpeg', jpeg.length],
    ]);
    expect(listed[0]).toMatchObject({ createdByName: 'Ada Admin', mayDelete: true });

    const files = await db.select().from(documentFiles).where(eq(documentFiles.documentId, id));
    const docKeys = await keysOf(A(), 'documents/');
    for (const f of files) {
      expect(f.objectKey).toMatch(new RegExp(`^tenants/${A()}/documents/[0-9a-f-]{36}$`));
      expect(docKeys).toContain(f.objectKey);
    }
    const uploadKeys = await keysOf(A(), 'uploads/');
    expect(uploadKeys).not.toContain(u1.key);
    expect(uploadKeys).not.toContain(u2.key);
    expect(await uploadRow(u1.id)).toBeNull();
    expect(await uploadRow(u2.id)).toBeNull();

    const pdfFile = files.find((f) => f.mime === 'application/pdf')!;
    const opened = await run(openFile, A(), w.adminA, { id: pdfFile.id });
    expect(opened).toMatchObject({
      id: pdfFile.id,
      key: pdfFile.objectKey,
      mime: 'application/pdf',
      title: 'Police mit Foto',
      contactId: w.k2.id,
      contractId,
    });
    expect(Buffer.from(await getObjectBytes(A(), opened!.key)).equals(pdf)).toBe(true);

    const [a] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'document.added'), eq(auditLog.targetId, w.k2.id)));
    expect(a).toMatchObject({
      actorId: w.adminA.id,
      targetType: 'contact',
      meta: { documentId: id, contractId, area: 'insurance', files: 2, byClient: false },
    });
    // the upload ids are used up
    await refused(() => run(createDocument, A(), w.adminA, docForm(place, [u1.id])), ['invalid']);
  });

  it('stores the type the bytes really have (PNG declared as JPEG) and names the file after it', async () => {
    const place = { contactId: w.k2.id, area: 'other' as const };
    const u = await upload(A(), w.adminA, place, png, { filename: 'foto.jpg', contentType: 'image/jpeg' });
    expect(await run(checkUpload, A(), w.adminA, { id: u.id })).toEqual({
      ok: true,
      mime: 'image/png',
      size: png.length,
    });
    const { id } = await run(createDocument, A(), w.adminA, docForm(place, [u.id], { type: 'Sonstiges' }));
    const [f] = await db.select().from(documentFiles).where(eq(documentFiles.documentId, id));
    expect(f).toMatchObject({ mime: 'image/png', filename: 'foto.jpg.png', size: png.length });
    // an area document hangs on no contract
    expect(
      (await run(listDocuments, A(), w.adminA, { contactId: w.k2.id, area: 'other', contractId: null })).map(
        (d) => d.id,
      ),
    ).toContain(id);
  });

  it('hangs a document on the contract’s area, whatever area the form claims', async () => {
    const { id: contractId } = await run(createContract, A(), w.adminA, {
      ...contractForm('finance'),
      contactId: w.k2.id,
    });
    // the mixed employee may write VERSICHERUNGEN but only read FINANZEN: claiming 'insurance' does not help
    await refused(
      () =>
        run(presignDocumentUpload, A(), w.mixed, {
          contactId: w.k2.id,
          area: 'insurance',
          contractId,
          filename: 'a.pdf',
          contentType: 'application/pdf',
          size: 10,
        }),
      ['forbidden'],
    );
    const mixedUpload = await upload(A(), w.mixed, { contactId: w.k2.id, area: 'insurance' }, pdf);
    await refused(
      () =>
        run(
          createDocument,
          A(),
          w.mixed,
          docForm({ contactId: w.k2.id, area: 'insurance', contractId }, [mixedUpload.id]),
        ),
      ['forbidden'],
    );
    await run(discardUpload, A(), w.mixed, { id: mixedUpload.id });
    const u = await upload(A(), w.adminA, { contactId: w.k2.id, area: 'finance', contractId }, pdf);
    const { id } = await run(
      createDocument,
      A(),
      w.adminA,
      docForm({ contactId: w.k2.id, area: 'emergency', contractId }, [u.id]),
    );
    const [doc] = await db.select().from(documents).where(eq(documents.id, id));
    expect(doc).toMatchObject({ area: 'finance', contractId });
  });

  it('keeps file names harmless and uploads personal', async () => {
    const place = { contactId: w.k2.id, area: 'insurance' as const };
    const u = await upload(A(), w.adminA, place, pdf, { filename: 'C:\\Users\\x\\..\\rech"nung<1>.pdf' });
    expect((await uploadRow(u.id))!.filename).toBe('rech_nung_1_.pdf');
    const u2 = await upload(A(), w.adminA, place, pdf, { filename: '../../etc/passwd' });
    expect((await uploadRow(u2.id))!.filename).toBe('passwd');
    // nobody else can discard my upload
    await run(discardUpload, A(), w.writer, { id: u.id });
    await run(discardUpload, w.B.id, w.adminB, { id: u.id });
    expect(await uploadRow(u.id)).not.toBeNull();
    expect(await keysOf(A(), 'uploads/')).toContain(u.key);
    await run(discardUpload, A(), w.adminA, { id: u.id });
    expect(await uploadRow(u.id)).toBeNull();
    expect(await keysOf(A(), 'uploads/')).not.toContain(u.key);
    await run(discardUpload, A(), w.adminA, { id: u2.id });
  });

  it('limits the number of open uploads per account', async () => {
    const who = w.writer;
    const open = await db.select({ id: uploads.id }).from(uploads).where(eq(uploads.userId, who.id));
    const fill = Array.from({ length: 60 - open.length }, (_, i) => ({
      tenantId: A(),
      userId: who.id,
      objectKey: `tenants/${A()}/uploads/00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      filename: 'x.pdf',
      declaredType: 'application/pdf',
      declaredSize: 1,
      maxBytes: 1,
    }));
    await db.insert(uploads).values(fill);
    await refused(
      () =>
        run(presignDocumentUpload, A(), who, {
          contactId: w.k2.id,
          area: 'insurance',
          filename: 'a.pdf',
          contentType: 'application/pdf',
          size: 10,
        }),
      ['rate_limited'],
    );
    // others are not affected
    const other = await run(presignDocumentUpload, A(), w.adminA, {
      contactId: w.k2.id,
      area: 'insurance',
      filename: 'a.pdf',
      contentType: 'application/pdf',
      size: 10,
    });
    await run(discardUpload, A(), w.adminA, { id: other.id });
    await db.delete(uploads).where(
      inArray(
        uploads.objectKey,
        fill.map((f) => f.objectKey),
      ),
    );
  });

  it('names stored files after their real type', () => {
    expect(withExtension('rechnung.exe', 'application/pdf')).toBe('rechnung.exe.pdf');
    expect(withExtension('Rechnung.PDF', 'application/pdf')).toBe('Rechnung.PDF');
    expect(withExtension('bild.jpeg', 'image/jpeg')).toBe('bild.jpeg');
    expect(withExtension('bild.jpg', 'image/png')).toBe('bild.jpg.png');
    expect(withExtension('ohne', 'image/webp')).toBe('ohne.webp');
  });
});

/* ------------------------------------------------------------------ hostile files */

describe('hostile uploads', () => {
  const place = () => ({ contactId: w.k2.id, area: 'insurance' as const });
  const exe = Buffer.concat([
    Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1'),
    Buffer.alloc(64, 0),
    Buffer.from('PE\0\0'),
    Buffer.alloc(400, 0x41),
  ]);
  const svg = Buffer.from(
    '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>',
  );
  const html = Buffer.from('<!DOCTYPE html><html><body><script>fetch("/api/steal")</script></body></html>');
  const hostile: { name: string; bytes: Buffer; filename: string; contentType: string; declaredSize?: number }[] = [
    { name: 'a Windows program posing as a PDF', bytes: exe, filename: 'x.pdf', contentType: 'application/pdf' },
    { name: 'an SVG with a script posing as a PNG', bytes: svg, filename: 'bild.png', contentType: 'image/png' },
    { name: 'an HTML page posing as a PDF', bytes: html, filename: 'rechnung.pdf', contentType: 'application/pdf' },
    {
      name: 'an empty body after declaring 10 bytes',
      bytes: Buffer.alloc(0),
      filename: 'leer.pdf',
      contentType: 'application/pdf',
      declaredSize: 10,
    },
    {
      name: '20 MiB + 1 byte after declaring 1 000 bytes',
      bytes: Buffer.concat([pdf, Buffer.alloc(20 * MiB + 1 - pdf.length, 0x20)]),
      filename: 'gross.pdf',
      contentType: 'application/pdf',
      declaredSize: 1000,
    },
  ];

  it('refuses unsupported declarations, empty and oversized files before any upload', async () => {
    const before = await keysOf(A());
    expect(
      (
        await refused(
          () =>
            run(presignDocumentUpload, A(), w.adminA, {
              ...place(),
              filename: 'bild.svg',
              contentType: 'image/svg+xml',
              size: 100,
            }),
          ['file_rejected'],
        )
      ).detail,
    ).toEqual({ reason: 'type' });
    expect(
      (
        await refused(
          () =>
            run(presignDocumentUpload, A(), w.adminA, {
              ...place(),
              filename: 'seite.html',
              contentType: 'text/html',
              size: 100,
            }),
          ['file_rejected'],
        )
      ).detail,
    ).toEqual({ reason: 'type' });
    expect(
      (
        await refused(
          () =>
            run(presignDocumentUpload, A(), w.adminA, {
              ...place(),
              filename: 'x.exe',
              contentType: 'application/x-msdownload',
              size: 100,
            }),
          ['file_rejected'],
        )
      ).detail,
    ).toEqual({ reason: 'type' });
    expect(
      (
        await refused(
          () =>
            run(presignDocumentUpload, A(), w.adminA, {
              ...place(),
              filename: 'leer.pdf',
              contentType: 'application/pdf',
              size: 0,
            }),
          ['file_rejected'],
        )
      ).detail,
    ).toEqual({ reason: 'empty' });
    expect(
      (
        await refused(
          () =>
            run(presignDocumentUpload, A(), w.adminA, {
              ...place(),
              filename: 'gross.pdf',
              contentType: 'application/pdf',
              size: 20 * MiB + 1,
            }),
          ['file_rejected'],
        )
      ).detail,
    ).toEqual({ reason: 'too-large' });
    // exactly 20 MiB is still allowed
    const ok = await run(presignDocumentUpload, A(), w.adminA, {
      ...place(),
      filename: 'genau.pdf',
      contentType: 'application/pdf',
      size: 20 * MiB,
    });
    await run(discardUpload, A(), w.adminA, { id: ok.id });
    expect(await uploadRow(ok.id)).toBeNull();
    expect(await keysOf(A())).toEqual(before);
  });

  for (const h of hostile) {
    it(`${h.name}: refused by checkUpload and by createDocument, nothing left in the bucket`, async () => {
      const before = (await keysOf(A())).sort();
      const opts = { filename: h.filename, contentType: h.contentType, size: h.declaredSize ?? h.bytes.length };

      // 1. the check right after the POST
      const first = await upload(A(), w.adminA, place(), h.bytes, opts);
      const checked = await run(checkUpload, A(), w.adminA, { id: first.id });
      expect(checked.ok).toBe(false);
      expect(await keysOf(A(), 'uploads/')).not.toContain(first.key);
      // a refused upload cannot be used for a document afterwards
      await refused(() => run(createDocument, A(), w.adminA, docForm(place(), [first.id])), ['invalid']);
      if (await uploadRow(first.id)) await run(discardUpload, A(), w.adminA, { id: first.id });

      // 2. straight to DOKUMENT HINZUFÜGEN without the check
      const second = await upload(A(), w.adminA, place(), h.bytes, opts);
      const docsBefore = await db.select({ id: documents.id }).from(documents);
      const auditBefore = await db.select({ n: dsql<number>`count(*)::int` }).from(auditLog);
      await expect(run(createDocument, A(), w.adminA, docForm(place(), [second.id]))).rejects.toMatchObject({
        code: 'file_rejected',
        field: 'uploads',
      });
      expect(await db.select({ id: documents.id }).from(documents)).toEqual(docsBefore);
      expect(await db.select({ n: dsql<number>`count(*)::int` }).from(auditLog)).toEqual(auditBefore);
      if (await uploadRow(second.id)) await run(discardUpload, A(), w.adminA, { id: second.id });

      expect((await keysOf(A())).sort(), 'the bucket holds exactly what it held before').toEqual(before);
    });
  }

  it('checks the bytes again when the document is saved: a file swapped after the check is refused', async () => {
    const before = (await keysOf(A())).sort();
    const docsBefore = await db.select({ id: documents.id }).from(documents);
    const post = await run(presignDocumentUpload, A(), w.adminA, {
      ...place(),
      filename: 'harmlos.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
    });
    expect(await postTo(post, pdf)).toBeLessThan(300);
    expect(await run(checkUpload, A(), w.adminA, { id: post.id })).toMatchObject({ ok: true });
    // the presigned POST is still valid: the same key now gets a program
    expect(await postTo(post, exe)).toBeLessThan(300);
    await expect(run(createDocument, A(), w.adminA, docForm(place(), [post.id]))).rejects.toMatchObject({
      code: 'file_rejected',
      detail: { reason: 'type' },
    });
    expect(await uploadRow(post.id)).toBeNull();
    expect(await db.select({ id: documents.id }).from(documents)).toEqual(docsBefore);
    expect((await keysOf(A())).sort()).toEqual(before);
  });

  it('refuses with the right message: type, size, empty', async () => {
    const check = async (bytes: Buffer, size: number) => {
      const u = await upload(A(), w.adminA, place(), bytes, { size });
      const r = await run(checkUpload, A(), w.adminA, { id: u.id });
      expect(await uploadRow(u.id), 'a refused upload row is removed').toBeNull();
      return r;
    };
    expect(await check(html, html.length)).toEqual({ ok: false, message: expect.stringContaining('Erlaubt sind PDF') });
    expect(await check(Buffer.concat([pdf, Buffer.alloc(20 * MiB)]), 10)).toEqual({
      ok: false,
      message: expect.stringContaining('zu groß'),
    });
    expect(await check(Buffer.alloc(0), 10)).toEqual({ ok: false, message: expect.stringContaining('leer') });
  });
});

/* ------------------------------------------------------------------ who may */

describe('document rights', () => {
  let advisorDocInAct: Awaited<ReturnType<typeof makeDocument>>;
  let ownDocOfAct: Awaited<ReturnType<typeof makeDocument>>;
  let advisorDocInRo: Awaited<ReturnType<typeof makeDocument>>;
  let otherAreaDoc: Awaited<ReturnType<typeof makeDocument>>;
  let profileDoc: Awaited<ReturnType<typeof makeDocument>>;
  let bDoc: { id: string; fileId: string };

  beforeAll(async () => {
    advisorDocInAct = await makeDocument(w.writer, { contactId: w.clients.act.id, area: 'insurance' }, 'Vom Berater');
    ownDocOfAct = await makeDocument(w.clients.act, { contactId: w.clients.act.id, area: 'insurance' }, 'Vom Kunden');
    advisorDocInRo = await makeDocument(w.writer, { contactId: w.clients.ro.id, area: 'finance' }, 'Für Nurlesen');
    otherAreaDoc = await makeDocument(w.adminA, { contactId: w.k2.id, area: 'other' }, 'Sonstiges');
    profileDoc = await makeDocument(w.writer, { contactId: w.clients.rel.id, area: 'profile' }, 'Personalausweis');
    const u = await upload(w.B.id, w.adminB, { contactId: w.contactB.id, area: 'insurance' }, pdf);
    const d = await run(
      createDocument,
      w.B.id,
      w.adminB,
      docForm({ contactId: w.contactB.id, area: 'insurance' }, [u.id]),
    );
    const [f] = await db.select().from(documentFiles).where(eq(documentFiles.documentId, d.id));
    bDoc = { id: d.id, fileId: f!.id };
  });

  it('opens a file only for those who may see its document', async () => {
    const { act, ro, actRo, none, rel } = w.clients;
    // permitted
    expect(await run(openFile, A(), w.adminA, { id: advisorDocInAct.file.id })).not.toBeNull();
    expect(await run(openFile, A(), w.reader, { id: advisorDocInAct.file.id })).not.toBeNull();
    expect(await run(openFile, A(), act, { id: ownDocOfAct.file.id })).not.toBeNull();
    expect(await run(openFile, A(), ro, { id: advisorDocInRo.file.id })).not.toBeNull();
    expect(await run(openFile, A(), w.reader, { id: profileDoc.file.id })).not.toBeNull(); // contact documents follow the contact rights
    expect(await run(openFile, A(), rel, { id: profileDoc.file.id })).not.toBeNull();
    expect(await run(openFile, w.B.id, w.adminB, { id: bDoc.fileId })).not.toBeNull();
    // another tenant
    expect(await run(openFile, w.B.id, w.adminB, { id: advisorDocInAct.file.id })).toBeNull();
    expect(await run(openFile, A(), w.adminA, { id: bDoc.fileId })).toBeNull();
    expect(await run(openFile, w.B.id, w.clientB, { id: ownDocOfAct.file.id })).toBeNull();
    // another client, even with the widest rights
    expect(await run(openFile, A(), rel, { id: ownDocOfAct.file.id })).toBeNull();
    expect(await run(openFile, A(), rel, { id: advisorDocInRo.file.id })).toBeNull();
    expect(await run(openFile, A(), act, { id: profileDoc.file.id })).toBeNull();
    // an employee without the right, or out of scope
    expect(await run(openFile, A(), w.mixed, { id: otherAreaDoc.file.id })).toBeNull();
    expect(await run(openFile, A(), w.noRights, { id: advisorDocInAct.file.id })).toBeNull();
    expect(await run(openFile, A(), w.noRights, { id: profileDoc.file.id })).toBeNull();
    expect(await run(openFile, A(), w.scoped, { id: advisorDocInAct.file.id })).toBeNull();
    // switches that hide it: FREISCHALTUNG alone does not show the advisor's documents
    expect(await run(openFile, A(), act, { id: advisorDocInAct.file.id })).toBeNull();
    // and an unknown id
    expect(await run(openFile, A(), w.adminA, { id: '00000000-0000-4000-8000-000000000000' })).toBeNull();

    // the lists agree
    const actList = await run(listDocuments, A(), act, { contactId: act.id, area: 'insurance', contractId: null });
    expect(actList.map((d) => d.id)).toEqual([ownDocOfAct.id]);
    expect(actList[0]!.mayDelete).toBe(true);
    const roList = await run(listDocuments, A(), ro, { contactId: ro.id, area: 'finance', contractId: null });
    expect(roList.map((d) => d.id)).toEqual([advisorDocInRo.id]);
    expect(roList[0]!.mayDelete).toBe(false);
    expect(
      (await run(listDocuments, A(), w.writer, { contactId: act.id, area: 'insurance', contractId: null }))
        .map((d) => d.id)
        .sort(),
    ).toEqual([advisorDocInAct.id, ownDocOfAct.id].sort());
    await expect(
      run(listDocuments, A(), rel, { contactId: act.id, area: 'insurance', contractId: null }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await run(listDocuments, A(), none, { contactId: none.id, area: 'insurance', contractId: null })).toEqual(
      [],
    );
    expect(await run(listDocuments, A(), actRo, { contactId: actRo.id, area: 'insurance', contractId: null })).toEqual(
      [],
    );
  });

  it('refuses to start an upload for read-only clients and employees, hidden areas and other contacts', async () => {
    const { ro, actRo, none, rel, act } = w.clients;
    const file = { filename: 'a.pdf', contentType: 'application/pdf', size: 100 };
    await refused(
      () => run(presignDocumentUpload, A(), ro, { contactId: ro.id, area: 'insurance', ...file }),
      ['forbidden'],
    );
    await refused(
      () => run(presignDocumentUpload, A(), actRo, { contactId: actRo.id, area: 'profile', ...file }),
      ['forbidden'],
    );
    await refused(
      () => run(presignDocumentUpload, A(), none, { contactId: none.id, area: 'insurance', ...file }),
      ['not_found'],
    );
    await refused(
      () => run(presignDocumentUpload, A(), w.reader, { contactId: w.k2.id, area: 'insurance', ...file }),
      ['forbidden'],
    );
    await refused(
      () => run(presignDocumentUpload, A(), w.reader, { contactId: w.k2.id, area: 'profile', ...file }),
      ['forbidden'],
    );
    await refused(
      () => run(presignDocumentUpload, A(), w.mixed, { contactId: w.k2.id, area: 'finance', ...file }),
      ['forbidden'],
    );
    await refused(
      () => run(presignDocumentUpload, A(), w.mixed, { contactId: w.k2.id, area: 'other', ...file }),
      ['not_found'],
    );
    await refused(
      () => run(presignDocumentUpload, A(), w.noRights, { contactId: w.k2.id, area: 'profile', ...file }),
      ['not_found'],
    );
    await refused(
      () => run(presignDocumentUpload, A(), w.scoped, { contactId: w.k2.id, area: 'insurance', ...file }),
      ['not_found'],
    );
    await refused(
      () => run(presignDocumentUpload, A(), rel, { contactId: act.id, area: 'insurance', ...file }),
      ['not_found'],
    );
    await refused(
      () => run(presignDocumentUpload, A(), w.adminA, { contactId: w.contactB.id, area: 'insurance', ...file }),
      ['not_found'],
    );
    await refused(
      () => run(presignDocumentUpload, A(), w.adminB, { contactId: w.k2.id, area: 'insurance', ...file }),
      ['forbidden', 'not_found'],
    );
    // a contract of another contact (or another tenant) is no place to hang a document on
    const { id: k1Contract } = await run(createContract, A(), w.adminA, {
      ...contractForm('insurance'),
      contactId: w.k1.id,
    });
    await refused(
      () =>
        run(presignDocumentUpload, A(), w.adminA, {
          contactId: w.k2.id,
          area: 'insurance',
          contractId: k1Contract,
          ...file,
        }),
      ['not_found'],
    );
    await refused(
      () =>
        run(presignDocumentUpload, A(), rel, { contactId: rel.id, area: 'insurance', contractId: k1Contract, ...file }),
      ['not_found'],
    );
    // allowed: the mixed employee may add contact documents (write somewhere), the client with DATENFREIGABE to the folder
    const ok1 = await run(presignDocumentUpload, A(), w.mixed, { contactId: w.k2.id, area: 'profile', ...file });
    const ok2 = await run(presignDocumentUpload, A(), rel, { contactId: rel.id, area: 'emergency', ...file });
    const ok3 = await run(presignDocumentUpload, A(), act, { contactId: act.id, area: 'profile', ...file });
    await run(discardUpload, A(), w.mixed, { id: ok1.id });
    await run(discardUpload, A(), rel, { id: ok2.id });
    await run(discardUpload, A(), act, { id: ok3.id });
  });

  it("refuses a document built from another user's, another tenant's or an unknown upload", async () => {
    const place = { contactId: w.k2.id, area: 'insurance' as const };
    const writers = await upload(A(), w.writer, place, pdf);
    const foreign = await upload(w.B.id, w.adminB, { contactId: w.contactB.id, area: 'insurance' }, pdf);
    const mine = await upload(A(), w.adminA, place, pdf);
    const keysA = (await keysOf(A())).sort();
    const keysB = (await keysOf(w.B.id)).sort();
    await refused(() => run(createDocument, A(), w.adminA, docForm(place, [writers.id])), ['invalid']);
    await refused(() => run(createDocument, A(), w.adminA, docForm(place, [foreign.id])), ['invalid']);
    await refused(
      () => run(createDocument, A(), w.adminA, docForm(place, ['00000000-0000-4000-8000-000000000000'])),
      ['invalid'],
    );
    await refused(() => run(createDocument, A(), w.adminA, docForm(place, [mine.id, writers.id])), ['invalid']);
    // the other tenant's admin cannot use their upload on A's contact, nor A's upload with B's id
    await refused(() => run(createDocument, w.B.id, w.adminB, docForm(place, [foreign.id])), ['not_found']);
    await refused(() => run(createDocument, A(), w.adminB, docForm(place, [foreign.id])), ['forbidden', 'not_found']);
    // refused by the rights before the upload is looked at
    await refused(() => run(createDocument, A(), w.reader, docForm(place, [writers.id])), ['forbidden']);
    expect((await keysOf(A())).sort()).toEqual(keysA);
    expect((await keysOf(w.B.id)).sort()).toEqual(keysB);
    expect(await uploadRow(writers.id)).not.toBeNull();
    expect(await uploadRow(foreign.id)).not.toBeNull();
    // the rightful owners still can
    await run(createDocument, A(), w.writer, docForm(place, [writers.id]));
    await run(createDocument, w.B.id, w.adminB, docForm({ contactId: w.contactB.id, area: 'insurance' }, [foreign.id]));
    await run(createDocument, A(), w.adminA, docForm(place, [mine.id]));
  });

  it('a client adds documents to their own folder and profile, never to another contact', async () => {
    const { rel, act } = w.clients;
    const u = await upload(A(), rel, { contactId: rel.id, area: 'profile' }, jpeg, {
      contentType: 'image/jpeg',
      filename: 'ausweis.jpg',
    });
    // the contact id in the form is ignored for clients: the document lands in their own record
    const { id, contactId } = await run(
      createDocument,
      A(),
      rel,
      docForm({ contactId: act.id, area: 'profile' }, [u.id], { type: 'Sonstiges' }),
    );
    expect(contactId).toBe(rel.id);
    const [doc] = await db.select().from(documents).where(eq(documents.id, id));
    expect(doc).toMatchObject({ contactId: rel.id, area: 'profile', createdByClient: true, createdBy: rel.id });
    const [a] = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'document.added'),
          eq(auditLog.targetId, rel.id),
          dsql`${auditLog.meta}->>'documentId' = ${id}`,
        ),
      );
    expect(a).toMatchObject({ actorId: rel.id, meta: { byClient: true, area: 'profile' } });
    expect(
      (await run(listDocuments, A(), w.reader, { contactId: rel.id, area: 'profile', contractId: null })).map(
        (d) => d.id,
      ),
    ).toContain(id);
  });

  it('deletes documents (with their stored files) only with the right to change them', async () => {
    const { act, rel } = w.clients;
    const adv = await makeDocument(w.writer, { contactId: act.id, area: 'insurance' }, 'Löschen Berater');
    const own = await makeDocument(act, { contactId: act.id, area: 'insurance' }, 'Löschen Kunde');
    const rDoc = await makeDocument(
      w.writer,
      { contactId: rel.id, area: 'insurance' },
      'Löschen durch Kunde mit DATENFREIGABE',
    );
    for (const d of [adv, own, rDoc]) expect(await keysOf(A(), 'documents/')).toContain(d.file.objectKey);

    await refused(() => run(deleteDocument, A(), act, { id: adv.id }), ['not_found']); // hidden from FREISCHALTUNG alone
    await refused(() => run(deleteDocument, A(), rel, { id: own.id }), ['not_found']); // another client's
    await refused(() => run(deleteDocument, A(), w.reader, { id: adv.id }), ['forbidden']);
    await refused(() => run(deleteDocument, A(), w.scoped, { id: adv.id }), ['not_found']);
    await refused(() => run(deleteDocument, A(), w.adminB, { id: adv.id }), ['forbidden', 'not_found']);
    await refused(() => run(deleteDocument, w.B.id, w.adminB, { id: adv.id }), ['not_found']);
    await refused(() => run(deleteDocument, A(), w.clients.ro, { id: advisorDocInRo.id }), ['forbidden']);
    await refused(() => run(deleteDocument, A(), w.mixed, { id: otherAreaDoc.id }), ['not_found']);
    expect(await keysOf(A(), 'documents/')).toContain(adv.file.objectKey);

    expect(await run(deleteDocument, A(), act, { id: own.id })).toEqual({
      contactId: act.id,
      contractId: null,
      area: 'insurance',
    });
    await run(deleteDocument, A(), rel, { id: rDoc.id });
    await run(deleteDocument, A(), w.mixed, { id: adv.id });
    const left = await keysOf(A(), 'documents/');
    for (const d of [adv, own, rDoc]) expect(left).not.toContain(d.file.objectKey);
    expect(
      await db
        .select()
        .from(documents)
        .where(inArray(documents.id, [adv.id, own.id, rDoc.id])),
    ).toEqual([]);
    expect(
      await db
        .select()
        .from(documentFiles)
        .where(inArray(documentFiles.documentId, [adv.id, own.id, rDoc.id])),
    ).toEqual([]);
    const audits = await db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'document.deleted'), dsql`${auditLog.meta}->>'documentId' in (${own.id}, ${rDoc.id})`),
      );
    expect(audits.map((a) => (a.meta as { byClient: boolean }).byClient)).toEqual([true, true]);
  });

  it('deleting a contract removes its documents and their stored files', async () => {
    const { id: contractId } = await run(createContract, A(), w.adminA, {
      ...contractForm('finance'),
      contactId: w.k2.id,
    });
    const place = { contactId: w.k2.id, area: 'finance' as const, contractId };
    const d1 = await makeDocument(w.adminA, place, 'Vertrag');
    const u = await upload(A(), w.adminA, place, jpeg, { contentType: 'image/jpeg' });
    const u2 = await upload(A(), w.adminA, place, pdf);
    const d2 = await run(createDocument, A(), w.adminA, docForm(place, [u.id, u2.id], { title: 'Zwei Dateien' }));
    const keys = (
      await db
        .select({ key: documentFiles.objectKey })
        .from(documentFiles)
        .where(inArray(documentFiles.documentId, [d1.id, d2.id]))
    ).map((r) => r.key);
    expect(keys).toHaveLength(3);
    const before = await keysOf(A(), 'documents/');
    for (const k of keys) expect(before).toContain(k);

    await run(deleteContract, A(), w.adminA, { id: contractId });
    const after = await keysOf(A(), 'documents/');
    for (const k of keys) expect(after).not.toContain(k);
    expect(
      await db
        .select()
        .from(documents)
        .where(inArray(documents.id, [d1.id, d2.id])),
    ).toEqual([]);
    expect(await db.select().from(documentFiles).where(inArray(documentFiles.objectKey, keys))).toEqual([]);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'contract.deleted'), dsql`${auditLog.meta}->>'contractId' = ${contractId}`));
    expect(audit).toHaveLength(1);
  });
});

/* ------------------------------------------------------------------ abandoned uploads */

describe('the upload sweeper', () => {
  it('removes uploads never finished within 24 hours, with their objects, and keeps fresh ones', async () => {
    const place = { contactId: w.k2.id, area: 'insurance' as const };
    const posted = await upload(A(), w.adminA, place, pdf);
    const neverPosted = await run(presignDocumentUpload, A(), w.adminA, {
      ...place,
      filename: 'nie.pdf',
      contentType: 'application/pdf',
      size: 100,
    });
    const foreign = await upload(w.B.id, w.adminB, { contactId: w.contactB.id, area: 'insurance' }, pdf);
    const fresh = await upload(A(), w.writer, place, pdf);
    await db.execute(
      dsql`UPDATE uploads SET created_at = now() - interval '25 hours' WHERE id IN (${posted.id}, ${neverPosted.id}, ${foreign.id})`,
    );
    await db.execute(dsql`UPDATE uploads SET created_at = now() - interval '23 hours' WHERE id = ${fresh.id}`);
    expect(await keysOf(A(), 'uploads/')).toContain(posted.key);

    expect(await sweepUploads(db)).toBe(3);
    for (const id of [posted.id, neverPosted.id, foreign.id]) expect(await uploadRow(id)).toBeNull();
    expect(await keysOf(A(), 'uploads/')).not.toContain(posted.key);
    expect(await keysOf(w.B.id, 'uploads/')).not.toContain(foreign.key);
    expect(await uploadRow(fresh.id)).not.toBeNull();
    expect(await keysOf(A(), 'uploads/')).toContain(fresh.key);

    // with 0 hours everything unfinished goes
    expect(await sweepUploads(db, 0)).toBeGreaterThanOrEqual(1);
    expect(await uploadRow(fresh.id)).toBeNull();
    expect(await keysOf(A(), 'uploads/')).toEqual([]);
    expect(await db.select().from(uploads)).toEqual([]);
  });
});
