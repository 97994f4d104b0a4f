import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { documentTypes, getObjectBytes, objectKey, presignUpload, putObject, signedDownloadUrl, verifyUpload } from '../../lib/storage';

const tenantId = randomUUID();
const otherTenant = randomUUID();
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d3c8a60000000049454e44ae426082', 'hex');
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
    expect(await verifyUpload({ tenantId, key, maxBytes: 1024 * 1024, allowed: documentTypes })).toEqual({ ok: true, size: png.length, mime: 'image/png' });
    const url = await signedDownloadUrl({ tenantId, key, filename: 'Schaden Foto.png', contentType: 'image/png' });
    expect(url).toContain('X-Amz-Expires=60');
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
  });

  it('refuses and deletes a file whose bytes are not an allowed type, whatever it claimed', async () => {
    const key = objectKey(tenantId, 'documents');
    await browserUpload(key, 'application/pdf', Buffer.from('<script>alert(1)</script>'));
    expect(await verifyUpload({ tenantId, key, maxBytes: 1024 * 1024, allowed: documentTypes })).toEqual({ ok: false, reason: 'type' });
    expect(await verifyUpload({ tenantId, key, maxBytes: 1024 * 1024, allowed: documentTypes })).toEqual({ ok: false, reason: 'missing' });
  });

  it('refuses an oversized file even where the store does not enforce the policy', async () => {
    const key = objectKey(tenantId, 'documents');
    await putObject({ tenantId, key, body: Buffer.concat([pdf, Buffer.alloc(2048)]), contentType: 'application/pdf' });
    expect(await verifyUpload({ tenantId, key, maxBytes: 1024, allowed: documentTypes })).toEqual({ ok: false, reason: 'too-large' });
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
    await expect(presignUpload({ tenantId, key: foreign, contentType: 'image/png', maxBytes: 10 })).rejects.toThrow(/outside the tenant prefix/);
    await expect(signedDownloadUrl({ tenantId, key: foreign, filename: 'x', contentType: 'image/png' })).rejects.toThrow(/outside/);
  });
});
