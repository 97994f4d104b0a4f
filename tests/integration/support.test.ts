import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { supportRequests } from '../../lib/db/schema';
import { listSupport, requestScreenshotUpload, submitSupport, supportSchema } from '../../lib/support';
import { testDb } from './db';
import { makeTenant } from './fixtures';

describe('Anliegen mitteilen', () => {
  it('stores the request with checked screenshots and lists it for the operator', async () => {
    const { db } = await testDb();
    const t = await makeTenant(db, 'support');
    const admin = { ...t.admin, kind: 'employee' as const };
    const png = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#123456' } }).png().toBuffer();
    const { url, fields, key } = await requestScreenshotUpload(t.tenant.id, admin, 'image/png', png.length);
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }));
    expect((await fetch(url, { method: 'POST', body: form })).status).toBeLessThan(300);

    const input = supportSchema.parse({ subject: 'Logo erscheint nicht', message: 'Nach dem Upload sehe ich nichts.', screenshots: key });
    const { id } = await submitSupport(db, t.tenant, admin, input);
    const [row] = await db.select().from(supportRequests).where(eq(supportRequests.id, id));
    expect(row).toMatchObject({ tenantId: t.tenant.id, subject: 'Logo erscheint nicht', screenshotKeys: [key], authorEmail: t.admin.email });
    const listed = (await listSupport(db)).find((r) => r.id === id)!;
    expect(listed.tenantName).toBe(t.tenant.name);
    expect(listed.screenshots[0]).toContain('X-Amz-Expires=60');
  });

  it('refuses clients, foreign keys, non-images and empty fields', async () => {
    const { db } = await testDb();
    const t = await makeTenant(db, 'support2');
    const other = await makeTenant(db, 'support3');
    const admin = { ...t.admin, kind: 'employee' as const };
    const client = { ...t.client, kind: 'client' as const };
    await expect(requestScreenshotUpload(t.tenant.id, client, 'image/png', 10)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(requestScreenshotUpload(t.tenant.id, admin, 'image/svg+xml', 10)).rejects.toMatchObject({ code: 'type', field: 'screenshots' });
    await expect(requestScreenshotUpload(t.tenant.id, admin, 'image/png', 6 * 1024 * 1024)).rejects.toMatchObject({ code: 'size' });
    const foreignKey = `tenants/${other.tenant.id}/support/00000000-0000-4000-8000-000000000000`;
    await expect(submitSupport(db, t.tenant, admin, supportSchema.parse({ subject: 'x', message: 'y', screenshots: foreignKey }))).rejects.toMatchObject({ field: 'screenshots' });
    // A "screenshot" that is really HTML is refused by its bytes.
    const { url, fields, key } = await requestScreenshotUpload(t.tenant.id, admin, 'image/png', 100);
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob(['<html><script>alert(1)</script></html>'], { type: 'image/png' }));
    await fetch(url, { method: 'POST', body: form });
    await expect(submitSupport(db, t.tenant, admin, supportSchema.parse({ subject: 'x', message: 'y', screenshots: key }))).rejects.toMatchObject({ field: 'screenshots' });
    const foreignAdmin = { ...other.admin, kind: 'employee' as const };
    await expect(submitSupport(db, t.tenant, foreignAdmin, supportSchema.parse({ subject: 'x', message: 'y' }))).rejects.toMatchObject({ code: 'forbidden' });
    expect(supportSchema.safeParse({ subject: '', message: '' }).success).toBe(false);
    expect(await db.select().from(supportRequests)).toHaveLength(0);
  });
});
