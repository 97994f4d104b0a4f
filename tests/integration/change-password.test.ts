import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../lib/actions/domain-error';
import { changePassword } from '../../lib/auth/change-password';
import { attemptLogin } from '../../lib/auth/login';
import { createSession, validateSession } from '../../lib/auth/sessions';
import { testDb } from './db';
import { makeTenant, PASSWORD } from './fixtures';

describe('changing one’s own password', () => {
  it('checks the old password and the rules, then ends every other session but the current one', async () => {
    const { db } = await testDb();
    const { tenant, admin } = await makeTenant(db, 'pwchange');
    const current = await createSession(db, { tenantId: tenant.id, userId: admin.id });
    const other = await createSession(db, { tenantId: tenant.id, userId: admin.id });
    const input = (over: Partial<{ currentPassword: string; password: string; passwordRepeat: string }>) => ({
      currentPassword: PASSWORD,
      password: 'Ganz neuer Satz fürs Büro',
      passwordRepeat: 'Ganz neuer Satz fürs Büro',
      ...over,
    });

    const wrongOld = await changePassword(db, tenant, { userId: admin.id, sessionId: current }, input({ currentPassword: 'falsch' })).catch((e) => e);
    expect(wrongOld).toBeInstanceOf(DomainError);
    expect(wrongOld).toMatchObject({ code: 'wrong_password', field: 'currentPassword' });
    const weak = await changePassword(db, tenant, { userId: admin.id, sessionId: current }, input({ password: 'password1234', passwordRepeat: 'password1234' })).catch((e) => e);
    expect(weak).toMatchObject({ code: 'weak_password', field: 'password' });
    expect(await validateSession(db, other, tenant.id)).not.toBeNull();

    await changePassword(db, tenant, { userId: admin.id, sessionId: current }, input({}));
    expect(await validateSession(db, current, tenant.id)).not.toBeNull();
    expect(await validateSession(db, other, tenant.id)).toBeNull();
    expect((await attemptLogin(db, { tenantId: tenant.id, login: admin.username, password: PASSWORD, ip: '10.9.0.1' })).ok).toBe(false);
    expect((await attemptLogin(db, { tenantId: tenant.id, login: admin.username, password: 'Ganz neuer Satz fürs Büro', ip: '10.9.0.2' })).ok).toBe(true);
    const audit = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.password.changed' AND actor_id = ${admin.id}`);
    expect(audit[0]!.n).toBe(1);
  });
});
