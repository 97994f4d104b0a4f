import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../lib/ctx';
import type { Db } from '../../lib/db/client';
import { supportRequests, uploads } from '../../lib/db/schema';
import type { PlatformCtx } from '../../lib/platform/ctx';
import { getObjectBytes, listKeys } from '../../lib/storage';
import { listSupport, presignScreenshot, submitSupport, supportSchema } from '../../lib/support';
import { checkUpload } from '../../lib/uploads';
import { createAccount } from '../../lib/users/create';
import { ctxFor } from './ctx';
import { testDb } from './db';
import { makeTenant } from './fixtures';

const operator = (db: Db): PlatformCtx => ({ db, operator: true, requestId: 'test', locale: 'de' });
const png = () =>
  sharp({ create: { width: 40, height: 20, channels: 3, background: '#123456' } })
    .png()
    .toBuffer();

/** What the browser does with the presigned POST. */
async function post(p: { url: string; fields: Record<string, string> }, body: Uint8Array | string, type = 'image/png') {
  const form = new FormData();
  for (const [k, v] of Object.entries(p.fields)) form.append(k, v);
  form.append('file', new Blob([typeof body === 'string' ? body : new Uint8Array(body)], { type }));
  const res = await fetch(p.url, { method: 'POST', body: form });
  await res.arrayBuffer();
  return res.status;
}

/** Presign as the employee and POST the bytes; returns the presigned form (id, url, fields). */
async function screenshot(ctx: Ctx, body: Uint8Array | string) {
  const p = await presignScreenshot(ctx, {
    filename: 'bild.png',
    contentType: 'image/png',
    size: typeof body === 'string' ? body.length : body.length,
  });
  expect(await post(p, body)).toBeLessThan(300);
  return p;
}

const form = (screenshots = '') =>
  supportSchema.parse({ subject: 'Logo erscheint nicht', message: 'Nach dem Upload sehe ich nichts.', screenshots });

describe('Anliegen mitteilen', () => {
  it('stores the request with checked screenshots and lists it for the operator', async () => {
    const { db } = await testDb();
    const t = await makeTenant(db, 'support');
    const ctx = await ctxFor(db, t.tenant.id, t.admin.id);
    const bytes = await png();
    const p = await screenshot(ctx, bytes);
    expect(await checkUpload(ctx, { id: p.id, purpose: 'support' })).toEqual({
      ok: true,
      mime: 'image/png',
      size: bytes.length,
    });

    const { id } = await submitSupport(ctx, form(p.id));
    const [row] = await db.select().from(supportRequests).where(eq(supportRequests.id, id));
    expect(row).toMatchObject({ tenantId: t.tenant.id, subject: 'Logo erscheint nicht', authorEmail: t.admin.email });
    // The stored screenshot is a copy under support/, the upload and its object are gone.
    expect(row!.screenshotKeys).toHaveLength(1);
    expect(row!.screenshotKeys[0]).toMatch(new RegExp(`^tenants/${t.tenant.id}/support/`));
    expect(Buffer.from(await getObjectBytes(t.tenant.id, row!.screenshotKeys[0]!)).equals(bytes)).toBe(true);
    expect(await db.select().from(uploads).where(eq(uploads.id, p.id))).toEqual([]);
    expect(await listKeys(t.tenant.id, `tenants/${t.tenant.id}/uploads/`)).toEqual([]);
    const listed = (await listSupport(operator(db))).find((r) => r.id === id)!;
    expect(listed.tenantName).toBe(t.tenant.name);
    expect(listed.screenshots[0]).toContain('X-Amz-Expires=60');
  });

  it('refuses clients, foreign uploads, non-images and empty fields', async () => {
    const { db } = await testDb();
    const t = await makeTenant(db, 'support2');
    const other = await makeTenant(db, 'support3');
    const admin = await ctxFor(db, t.tenant.id, t.admin.id);
    const client = await ctxFor(db, t.tenant.id, t.client.id);
    await expect(
      presignScreenshot(client, { filename: 'a.png', contentType: 'image/png', size: 10 }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      presignScreenshot(admin, { filename: 'a.svg', contentType: 'image/svg+xml', size: 10 }),
    ).rejects.toMatchObject({ code: 'file_rejected', field: 'screenshots', detail: { reason: 'type' } });
    await expect(
      presignScreenshot(admin, { filename: 'a.png', contentType: 'image/png', size: 6 * 1024 * 1024 }),
    ).rejects.toMatchObject({ code: 'file_rejected', detail: { reason: 'too-large' } });
    // Another tenant's upload is not one of the author's uploads.
    const foreign = await screenshot(await ctxFor(db, other.tenant.id, other.admin.id), await png());
    await expect(submitSupport(admin, form(foreign.id))).rejects.toMatchObject({
      code: 'invalid',
      field: 'screenshots',
    });
    // A "screenshot" that is really HTML is refused by its bytes.
    const html = await screenshot(admin, '<html><script>alert(1)</script></html>');
    await expect(submitSupport(admin, form(html.id))).rejects.toMatchObject({
      code: 'file_rejected',
      field: 'screenshots',
    });
    await expect(ctxFor(db, t.tenant.id, other.admin.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect(supportSchema.safeParse({ subject: '', message: '' }).success).toBe(false);
    expect(await db.select().from(supportRequests)).toHaveLength(0);
  });

  // Issue 13, finding 11: the screenshot was checked in place, so a second POST with the presigned form
  // (valid 5 minutes) replaced it after the check, and any key under the tenant's support/ prefix was taken.
  it('keeps the checked bytes: a screenshot posted again after sending does not change what the operator opens', async () => {
    const { db } = await testDb();
    const t = await makeTenant(db, 'support-swap');
    const ctx = await ctxFor(db, t.tenant.id, t.admin.id);
    const bytes = await png();
    const p = await screenshot(ctx, bytes);
    const { id } = await submitSupport(ctx, form(p.id));
    expect(await post(p, '<html><script>alert(1)</script></html>')).toBeLessThan(300);
    const [row] = await db.select().from(supportRequests).where(eq(supportRequests.id, id));
    expect(Buffer.from(await getObjectBytes(t.tenant.id, row!.screenshotKeys[0]!)).equals(bytes)).toBe(true);
  });

  it('checks the bytes again on sending: a screenshot swapped after the check is refused', async () => {
    const { db } = await testDb();
    const t = await makeTenant(db, 'support-swap2');
    const ctx = await ctxFor(db, t.tenant.id, t.admin.id);
    const p = await screenshot(ctx, await png());
    expect(await checkUpload(ctx, { id: p.id, purpose: 'support' })).toMatchObject({ ok: true });
    expect(await post(p, '<html><script>alert(1)</script></html>')).toBeLessThan(300);
    await expect(submitSupport(ctx, form(p.id))).rejects.toMatchObject({ code: 'file_rejected', field: 'screenshots' });
    expect(await db.select().from(supportRequests)).toHaveLength(0);
    expect(await listKeys(t.tenant.id, `tenants/${t.tenant.id}/support/`)).toEqual([]);
  });

  it("refuses another employee's screenshot of the same tenant", async () => {
    const { db } = await testDb();
    const t = await makeTenant(db, 'support-colleague');
    const u = await createAccount(db, {
      tenantId: t.tenant.id,
      kind: 'employee',
      role: 'employee',
      email: 'kollegin@support.example',
      firstName: 'Kim',
      lastName: 'Kollegin',
      status: 'active',
      passwordHash: 'kein-echter-hash',
    });
    const theirs = await screenshot(await ctxFor(db, t.tenant.id, u.id), await png());
    await expect(submitSupport(await ctxFor(db, t.tenant.id, t.admin.id), form(theirs.id))).rejects.toMatchObject({
      code: 'invalid',
      field: 'screenshots',
    });
    expect(await db.select().from(supportRequests)).toHaveLength(0);
    // Still the colleague's to use.
    await submitSupport(await ctxFor(db, t.tenant.id, u.id), form(theirs.id));
  });
});
