import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { EmployeeLike } from '../../lib/access/employee';
import { tenants } from '../../lib/db/schema';
import { saveFrameOrigins } from '../../lib/settings/embed';
import { ctxFor } from './ctx';
import { testDb } from './db';
import { makeTenant } from './fixtures';

describe('Auf Ihrer Website einbinden', () => {
  it('stores normalised origins for admins of this tenant only', async () => {
    const { db } = await testDb();
    const t = await makeTenant(db, 'einbinden');
    const other = await makeTenant(db, 'einbinden-b');
    const save = async (tenantId: string, actor: EmployeeLike, origins: string) =>
      saveFrameOrigins(await ctxFor(db, tenantId, actor), { origins });
    const admin: EmployeeLike = { id: t.admin.id, kind: 'employee', role: 'admin', rights: null, scope: 'all' };
    const saved = await save(
      t.tenant.id,
      admin,
      'https://www.makler.de/\nhttps://www.makler.de\n\nhttps://shop.makler.de',
    );
    expect(saved).toEqual(['https://www.makler.de', 'https://shop.makler.de']);
    const row = async () =>
      (await db.select({ f: tenants.frameAncestors }).from(tenants).where(eq(tenants.id, t.tenant.id)))[0]!.f;
    expect(await row()).toEqual(saved);

    await expect(save(t.tenant.id, admin, 'https://ok.de\nhttp://unsicher.de')).rejects.toMatchObject({
      code: 'invalid',
      field: 'origins',
    });
    const employee: EmployeeLike = { ...admin, role: 'employee' };
    await expect(save(t.tenant.id, employee, 'https://x.de')).rejects.toMatchObject({ code: 'forbidden' });
    const foreign: EmployeeLike = { id: other.admin.id, kind: 'employee', role: 'admin', rights: null, scope: 'all' };
    await expect(save(t.tenant.id, foreign, 'https://x.de')).rejects.toMatchObject({ code: 'forbidden' });
    expect(await row()).toEqual(saved);
    expect(await save(t.tenant.id, admin, '')).toEqual([]);
  });
});
