import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../lib/ctx';
import type { Db } from '../../lib/db/client';
import { tenants, uploads } from '../../lib/db/schema';
import { finalizeBrandingUpload, presignBrandingUpload, removeBranding } from '../../lib/settings/branding';
import { getObjectBytes, listKeys } from '../../lib/storage';
import { sweepUploads } from '../../lib/uploads';
import { createAccount } from '../../lib/users/create';
import { ctxFor } from './ctx';
import { testDb } from './db';
import { makeTenant } from './fixtures';

let db: Db;
let t: Awaited<ReturnType<typeof makeTenant>>;
let admin: Ctx;

beforeAll(async () => {
  ({ db } = await testDb());
  t = await makeTenant(db, 'marke');
  admin = await ctxFor(db, t.tenant.id, t.admin.id);
});

const png = (w: number, h: number) =>
  sharp({ create: { width: w, height: h, channels: 3, background: '#0b4f6c' } })
    .png()
    .toBuffer();

async function postTo(post: { url: string; fields: Record<string, string> }, body: Buffer, contentType: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries(post.fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(body)], { type: contentType }));
  const res = await fetch(post.url, { method: 'POST', body: form });
  await res.arrayBuffer();
  return res.status;
}

/** Like the browser: presign, POST the bytes to S3, then finalize. */
async function upload(kind: 'logo' | 'favicon', body: Buffer, contentType: string) {
  const post = await presignBrandingUpload(admin, { kind, contentType, size: body.length });
  expect(await postTo(post, body, contentType)).toBeLessThan(300);
  return finalizeBrandingUpload(admin, { kind, uploadId: post.id });
}

const tenantRow = async () => (await db.select().from(tenants).where(eq(tenants.id, t.tenant.id)))[0]!;
const keys = (sub: string) => listKeys(t.tenant.id, `tenants/${t.tenant.id}/${sub}/`);

describe('LOGO and FAVICON', () => {
  it('re-encodes a large logo to a PNG of at most 800 × 240 and replaces the previous one cleanly', async () => {
    const jpeg = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: '#f2a541' } })
      .jpeg()
      .toBuffer();
    const first = await upload('logo', jpeg, 'image/jpeg');
    const row = await tenantRow();
    expect(row.logoWidth).toBeLessThanOrEqual(800);
    expect(row.logoHeight).toBeLessThanOrEqual(240);
    expect(row.logoKey).toMatch(new RegExp(`^tenants/${t.tenant.id}/branding/`));
    const stored = await getObjectBytes(t.tenant.id, row.logoKey!);
    expect((await sharp(Buffer.from(stored)).metadata()).format).toBe('png');
    const second = await upload('logo', await png(400, 100), 'image/png');
    expect(second.version).toBeGreaterThan(first.version);
    const after = await tenantRow();
    expect(after.logoKey).not.toBe(row.logoKey);
    await expect(getObjectBytes(t.tenant.id, row.logoKey!)).rejects.toThrow();
    // The pipeline left nothing behind: no pending upload row, no upload object.
    expect(await db.select().from(uploads).where(eq(uploads.tenantId, t.tenant.id))).toEqual([]);
    expect(await keys('uploads')).toEqual([]);
  });

  it('refuses SVG and anything whose bytes are not an allowed image, whatever the browser claimed', async () => {
    await expect(
      presignBrandingUpload(admin, { kind: 'logo', contentType: 'image/svg+xml', size: 100 }),
    ).rejects.toMatchObject({ code: 'file_rejected', field: 'file', detail: { reason: 'type' } });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await expect(upload('logo', svg, 'image/png')).rejects.toMatchObject({
      code: 'file_rejected',
      field: 'file',
      detail: { reason: 'type' },
    });
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    await expect(upload('favicon', html, 'image/png')).rejects.toMatchObject({
      code: 'file_rejected',
      detail: { reason: 'type' },
    });
  });

  it('refuses oversize files before and after the upload', async () => {
    await expect(
      presignBrandingUpload(admin, { kind: 'logo', contentType: 'image/png', size: 3 * 1024 * 1024 }),
    ).rejects.toMatchObject({ code: 'file_rejected', field: 'file', detail: { reason: 'too-large' } });
    const big = await sharp({ create: { width: 2200, height: 2200, channels: 4, background: '#000000' } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    const post = await presignBrandingUpload(admin, { kind: 'logo', contentType: 'image/png', size: 1000 });
    await postTo(post, big, 'image/png'); // s3rver does not enforce the policy; finalize does
    await expect(finalizeBrandingUpload(admin, { kind: 'logo', uploadId: post.id })).rejects.toMatchObject({
      code: 'file_rejected',
      detail: { reason: 'too-large' },
    });
  });

  it('wants a square favicon and stores it as 512 × 512 PNG', async () => {
    await expect(upload('favicon', await png(300, 100), 'image/png')).rejects.toMatchObject({
      code: 'file_rejected',
      detail: { reason: 'square' },
    });
    await upload('favicon', await png(64, 64), 'image/png');
    const row = await tenantRow();
    const meta = await sharp(Buffer.from(await getObjectBytes(t.tenant.id, row.faviconKey!))).metadata();
    expect([meta.width, meta.height, row.faviconType]).toEqual([512, 512, 'image/png']);
  });

  it('publishes the checked copy: a file posted again after finalizing changes nothing', async () => {
    const first = await png(200, 100);
    const post = await presignBrandingUpload(admin, { kind: 'logo', contentType: 'image/png', size: first.length });
    expect(await postTo(post, first, 'image/png')).toBeLessThan(300);
    await finalizeBrandingUpload(admin, { kind: 'logo', uploadId: post.id });
    const published = Buffer.from(await getObjectBytes(t.tenant.id, (await tenantRow()).logoKey!));
    expect(await postTo(post, Buffer.from('<svg onload="alert(1)"/>'), 'image/png')).toBeLessThan(300);
    expect(Buffer.from(await getObjectBytes(t.tenant.id, (await tenantRow()).logoKey!)).equals(published)).toBe(true);
    // The upload is used up: finalizing it again is refused.
    await expect(finalizeBrandingUpload(admin, { kind: 'logo', uploadId: post.id })).rejects.toMatchObject({
      code: 'invalid',
    });
    await sweepUploads(db, 0); // the object posted again, orphaned, is swept
  });

  it('lets only admins of this tenant change the branding', async () => {
    const u = await createAccount(db, {
      tenantId: t.tenant.id,
      kind: 'employee',
      role: 'employee',
      email: 'mitarbeiter@marke.example',
      firstName: 'M',
      lastName: 'A',
      status: 'active',
      passwordHash: 'kein-echter-hash',
    });
    const employee = await ctxFor(db, t.tenant.id, u.id);
    await expect(
      presignBrandingUpload(employee, { kind: 'logo', contentType: 'image/png', size: 10 }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(removeBranding(employee, { kind: 'logo' })).rejects.toMatchObject({ code: 'forbidden' });
    const other = await makeTenant(db, 'fremdmarke');
    await expect(ctxFor(db, t.tenant.id, other.admin.id)).rejects.toMatchObject({ code: 'forbidden' });
    // Another tenant's (or another account's) upload is not the admin's to publish.
    const foreignAdmin = await ctxFor(db, other.tenant.id, other.admin.id);
    const foreign = await presignBrandingUpload(foreignAdmin, { kind: 'logo', contentType: 'image/png', size: 100 });
    await expect(finalizeBrandingUpload(admin, { kind: 'logo', uploadId: foreign.id })).rejects.toMatchObject({
      code: 'invalid',
    });
    expect((await tenantRow()).logoKey).not.toBeNull();
    await removeBranding(admin, { kind: 'logo' });
    expect((await tenantRow()).logoKey).toBeNull();
  });
});
