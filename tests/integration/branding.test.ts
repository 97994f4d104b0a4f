import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { EmployeeLike } from '../../lib/access/employee';
import type { Db } from '../../lib/db/client';
import { tenants } from '../../lib/db/schema';
import { finalizeBrandingUpload, removeBranding, requestBrandingUpload } from '../../lib/settings/branding';
import { getObjectBytes } from '../../lib/storage';
import { testDb } from './db';
import { makeTenant } from './fixtures';

let db: Db;
let t: Awaited<ReturnType<typeof makeTenant>>;
let admin: EmployeeLike;

beforeAll(async () => {
  ({ db } = await testDb());
  t = await makeTenant(db, 'marke');
  admin = { id: t.admin.id, kind: 'employee', role: 'admin', rights: null, scope: 'all' };
});

const png = (w: number, h: number) => sharp({ create: { width: w, height: h, channels: 3, background: '#0b4f6c' } }).png().toBuffer();

/** Like the browser: presign, POST the bytes to S3, then finalize. */
async function upload(kind: 'logo' | 'favicon', body: Buffer, contentType: string) {
  const { url, fields, key } = await requestBrandingUpload(t.tenant.id, admin, kind, contentType, body.length);
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(body)], { type: contentType }));
  expect((await fetch(url, { method: 'POST', body: form })).status).toBeLessThan(300);
  return finalizeBrandingUpload(db, t.tenant.id, admin, kind, key);
}

const tenantRow = async () => (await db.select().from(tenants).where(eq(tenants.id, t.tenant.id)))[0]!;

describe('LOGO and FAVICON', () => {
  it('re-encodes a large logo to a PNG of at most 800 × 240 and replaces the previous one cleanly', async () => {
    const jpeg = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: '#f2a541' } }).jpeg().toBuffer();
    const first = await upload('logo', jpeg, 'image/jpeg');
    const row = await tenantRow();
    expect(row.logoWidth).toBeLessThanOrEqual(800);
    expect(row.logoHeight).toBeLessThanOrEqual(240);
    const stored = await getObjectBytes(t.tenant.id, row.logoKey!);
    expect((await sharp(Buffer.from(stored)).metadata()).format).toBe('png');
    const second = await upload('logo', await png(400, 100), 'image/png');
    expect(second.version).toBeGreaterThan(first.version);
    const after = await tenantRow();
    expect(after.logoKey).not.toBe(row.logoKey);
    await expect(getObjectBytes(t.tenant.id, row.logoKey!)).rejects.toThrow();
  });

  it('refuses SVG and anything whose bytes are not an allowed image, whatever the browser claimed', async () => {
    await expect(requestBrandingUpload(t.tenant.id, admin, 'logo', 'image/svg+xml', 100)).rejects.toMatchObject({ code: 'type', field: 'file' });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await expect(upload('logo', svg, 'image/png')).rejects.toMatchObject({ code: 'type', field: 'file' });
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    await expect(upload('favicon', html, 'image/png')).rejects.toMatchObject({ code: 'type' });
  });

  it('refuses oversize files before and after the upload', async () => {
    await expect(requestBrandingUpload(t.tenant.id, admin, 'logo', 'image/png', 3 * 1024 * 1024)).rejects.toMatchObject({ code: 'size', field: 'file' });
    const big = await sharp({ create: { width: 2200, height: 2200, channels: 4, background: '#000000' } }).png({ compressionLevel: 0 }).toBuffer();
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    const { url, fields, key } = await requestBrandingUpload(t.tenant.id, admin, 'logo', 'image/png', 1000);
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(big)], { type: 'image/png' }));
    await fetch(url, { method: 'POST', body: form }); // s3rver does not enforce the policy; finalize does
    await expect(finalizeBrandingUpload(db, t.tenant.id, admin, 'logo', key)).rejects.toMatchObject({ code: 'too-large' });
  });

  it('wants a square favicon and stores it as 512 × 512 PNG', async () => {
    await expect(upload('favicon', await png(300, 100), 'image/png')).rejects.toMatchObject({ code: 'square' });
    await upload('favicon', await png(64, 64), 'image/png');
    const row = await tenantRow();
    const meta = await sharp(Buffer.from(await getObjectBytes(t.tenant.id, row.faviconKey!))).metadata();
    expect([meta.width, meta.height, row.faviconType]).toEqual([512, 512, 'image/png']);
  });

  it('lets only admins of this tenant change the branding', async () => {
    const employee: EmployeeLike = { id: t.admin.id, kind: 'employee', role: 'employee', rights: null, scope: 'all' };
    await expect(requestBrandingUpload(t.tenant.id, employee, 'logo', 'image/png', 10)).rejects.toMatchObject({ code: 'forbidden' });
    const other = await makeTenant(db, 'fremdmarke');
    const foreignAdmin: EmployeeLike = { id: other.admin.id, kind: 'employee', role: 'admin', rights: null, scope: 'all' };
    await expect(removeBranding(db, t.tenant.id, foreignAdmin, 'logo')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(finalizeBrandingUpload(db, t.tenant.id, admin, 'logo', `tenants/${other.tenant.id}/uploads/00000000-0000-4000-8000-000000000000`)).rejects.toMatchObject({ code: 'invalid' });
    expect((await tenantRow()).logoKey).not.toBeNull();
    await removeBranding(db, t.tenant.id, admin, 'logo');
    expect((await tenantRow()).logoKey).toBeNull();
  });
});
