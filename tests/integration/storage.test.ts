import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/client';
import { documentFiles, documents, uploads } from '../../lib/db/schema';
import { createDocument, documentSchema, presignDocumentUpload, type DocumentInput } from '../../lib/documents';
import {
  documentTypes,
  getObjectBytes,
  objectKey,
  presignUpload,
  putObject,
  signedDownloadUrl,
  verifyUpload,
} from '../../lib/storage';
import { reserveQuota, storageQuota } from '../../lib/uploads';
import { ctxFor } from './ctx';
import { testDb } from './db';
import { makeWorld, type World } from './folder-world';

const tenantId = randomUUID();
const otherTenant = randomUUID();
const png = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d3c8a60000000049454e44ae426082',
  'hex',
);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Uploads like a browser would: a multipart POST with the presigned fields. */
async function browserUpload(key: string, contentType: string, body: Buffer, maxBytes = 1024 * 1024) {
  const { url, fields } = await presignUpload({ tenantId, key, contentType, maxBytes });
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(body)], { type: contentType }), 'upload.bin');
  const res = await fetch(url, { method: 'POST', body: form });
  return res.status;
}

describe('storage against the S3 protocol (s3rver)', () => {
  it('accepts a presigned upload, verifies it by its bytes and serves it through a signed URL', async () => {
    const key = objectKey(tenantId, 'documents');
    expect(await browserUpload(key, 'image/png', png)).toBeLessThan(300);
    expect(await verifyUpload({ tenantId, key, maxBytes: 1024 * 1024, allowed: documentTypes })).toEqual({
      ok: true,
      size: png.length,
      mime: 'image/png',
    });
    const url = await signedDownloadUrl({ tenantId, key, filename: 'Schaden Foto.png', contentType: 'image/png' });
    expect(url).toContain('X-Amz-Expires=60');
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
  });

  it('refuses and deletes a file whose bytes are not an allowed type, whatever it claimed', async () => {
    const key = objectKey(tenantId, 'documents');
    await browserUpload(key, 'application/pdf', Buffer.from('<script>alert(1)</script>'));
    expect(await verifyUpload({ tenantId, key, maxBytes: 1024 * 1024, allowed: documentTypes })).toEqual({
      ok: false,
      reason: 'type',
    });
    expect(await verifyUpload({ tenantId, key, maxBytes: 1024 * 1024, allowed: documentTypes })).toEqual({
      ok: false,
      reason: 'missing',
    });
  });

  it('refuses an oversized file even where the store does not enforce the policy', async () => {
    const key = objectKey(tenantId, 'documents');
    await putObject({ tenantId, key, body: Buffer.concat([pdf, Buffer.alloc(2048)]), contentType: 'application/pdf' });
    expect(await verifyUpload({ tenantId, key, maxBytes: 1024, allowed: documentTypes })).toEqual({
      ok: false,
      reason: 'too-large',
    });
  });

  it('round-trips server-side writes byte for byte', async () => {
    const key = objectKey(tenantId, 'exports');
    const body = Buffer.alloc(256 * 1024, 7);
    await putObject({ tenantId, key, body, contentType: 'application/octet-stream' });
    expect(Buffer.from(await getObjectBytes(tenantId, key)).equals(body)).toBe(true);
  });

  it('never touches keys outside the caller tenant prefix', async () => {
    const foreign = objectKey(otherTenant, 'documents');
    await expect(getObjectBytes(tenantId, foreign)).rejects.toThrow(/outside the tenant prefix/);
    await expect(presignUpload({ tenantId, key: foreign, contentType: 'image/png', maxBytes: 10 })).rejects.toThrow(
      /outside the tenant prefix/,
    );
    await expect(
      signedDownloadUrl({ tenantId, key: foreign, filename: 'x', contentType: 'image/png' }),
    ).rejects.toThrow(/outside/);
  });
});

/* ------------------------------------------------------------------ storage quota (issue 13, finding 12) */

describe('storage quota per client (2 GiB) and per tenant (50 GiB), reserved atomically when uploads are used', () => {
  const pdfFile = Buffer.from('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n');
  let db: Db;
  let w: World;

  beforeAll(async () => {
    ({ db } = await testDb());
    w = await makeWorld(db, 'quota');
  });

  /** Stored bytes that are already there (a document with one file row; no object is needed for the sum). */
  async function occupy(contactId: string, bytes: number) {
    const [doc] = await db
      .insert(documents)
      .values({ tenantId: w.A.id, contactId, area: 'insurance', title: 'Altbestand', type: 'Sonstiges' })
      .returning({ id: documents.id });
    await db.insert(documentFiles).values({
      tenantId: w.A.id,
      documentId: doc!.id,
      objectKey: objectKey(w.A.id, 'documents'),
      filename: 'alt.pdf',
      mime: 'application/pdf',
      size: bytes,
    });
  }

  /** One finished upload of the admin into the contact's VERSICHERUNGEN, ready for DOKUMENT HINZUFÜGEN. */
  async function finished(contactId: string) {
    const ctx = await ctxFor(db, w.A.id, w.adminA);
    const post = await presignDocumentUpload(ctx, {
      contactId,
      area: 'insurance',
      filename: 'scan.pdf',
      contentType: 'application/pdf',
      size: pdfFile.length,
    });
    const form = new FormData();
    for (const [k, v] of Object.entries(post.fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(pdfFile)], { type: 'application/pdf' }));
    expect((await fetch(post.url, { method: 'POST', body: form })).status).toBeLessThan(300);
    return documentSchema.parse({ contactId, area: 'insurance', title: 'Neu', type: 'Police', uploads: post.id });
  }

  const save = async (input: DocumentInput) => createDocument(await ctxFor(db, w.A.id, w.adminA), input);
  const docsOf = async (contactId: string) =>
    (await db.select().from(documents).where(eq(documents.contactId, contactId))).length;

  it('lets exactly one of two parallel uploads through when only one fits the client’s 2 GiB', async () => {
    const contactId = w.k2.id;
    // Room for one more file, not for two.
    await occupy(contactId, storageQuota.perClientBytes - Math.floor(pdfFile.length * 1.5));
    const before = await docsOf(contactId);
    const inputs = await Promise.all([finished(contactId), finished(contactId)]);
    const results = await Promise.allSettled(inputs.map(save));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({
      code: 'file_rejected',
      field: 'uploads',
      detail: { reason: 'quota', scope: 'client' },
    });
    expect((refused.reason as Error).message).toBe(
      'Der Speicherplatz für diesen Kunden ist voll (höchstens 2 GB). Bitte löschen Sie zuerst Dokumente, die nicht mehr gebraucht werden.',
    );
    expect(await docsOf(contactId)).toBe(before + 1);
    // The refused upload is still the admin's (nothing was used up) and its checked copy is gone.
    expect(
      await db
        .select()
        .from(uploads)
        .where(eq(uploads.id, inputs.find((_, i) => results[i]!.status === 'rejected')!.uploads[0]!)),
    ).toHaveLength(1);
  });

  it('counts the whole tenant against 50 GiB, across clients, also in parallel', async () => {
    const [a, b] = [w.clients.act.id, w.clients.rel.id];
    const [row] = await db
      .select({ n: sql<string>`coalesce(sum(${documentFiles.size}), 0)` })
      .from(documentFiles)
      .where(eq(documentFiles.tenantId, w.A.id));
    // Fill the tenant up to room for one more file (on a third contact: the two uploading clients stay far
    // below their own 2 GiB, so only the tenant's limit can refuse).
    const free = storageQuota.perTenantBytes - Number(row!.n) - Math.floor(pdfFile.length * 1.5);
    await occupy(w.k1.id, free);
    const inputs = await Promise.all([finished(a), finished(b)]);
    const results = await Promise.allSettled(inputs.map(save));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'file_rejected', detail: { reason: 'quota', scope: 'tenant' } });
    expect((refused.reason as Error).message).toBe(
      'Der Speicherplatz Ihres Portals ist voll (höchstens 50 GB). Bitte wenden Sie sich an den Betreiber.',
    );
    // Another tenant is not affected.
    expect(await reserveFor(w.B.id, w.adminB)).toBeUndefined();
  });

  /** A reservation of one byte in another tenant, inside a transaction that is rolled back. */
  async function reserveFor(tenantId: string, actor: World['adminB']) {
    const ctx = await ctxFor(db, tenantId, actor);
    return db
      .transaction(async (tx) => {
        await reserveQuota({ ...ctx, db: tx }, {}, 1);
        throw new Error('rollback');
      })
      .catch((e: Error) => (e.message === 'rollback' ? undefined : e));
  }
});
