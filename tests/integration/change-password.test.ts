import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { changePassword } from '../../lib/auth/change-password';
import { attemptLogin } from '../../lib/auth/login';
import { createSession, validateSession } from '../../lib/auth/sessions';
import { createCtx } from '../../lib/ctx';
import { DomainError } from '../../lib/errors';
import { sessionUserOf, publicCtxFor } from './ctx';
import { testDb } from './db';
import { makeTenant, PASSWORD } from './fixtures';

const NEW = 'Ganz neuer Satz fürs Büro';
const input = (over: Partial<{ currentPassword: string; password: string; passwordRepeat: string }>) => ({
  currentPassword: PASSWORD,
  password: NEW,
  passwordRepeat: NEW,
  ...over,
});

/** The failure of a call as the action builder hands it to the form (code, field, German message, detail). */
const failure = (p: Promise<unknown>) =>
  p.then(
    () => ({ ok: true as const }),
    (e: unknown) => {
      if (!(e instanceof DomainError)) throw e;
      return { ok: false as const, code: e.code, field: e.field, message: e.message, detail: e.detail };
    },
  );

describe('changing one’s own password', () => {
  it('checks the old password and the rules, then ends every other session but the current one', async () => {
    const { db } = await testDb();
    const { tenant, admin } = await makeTenant(db, 'pwchange');
    const current = await createSession(db, { tenantId: tenant.id, userId: admin.id });
    const other = await createSession(db, { tenantId: tenant.id, userId: admin.id });
    const ctx = createCtx(db, tenant, await sessionUserOf(db, admin.id), { sessionId: current });

    const wrongOld = await changePassword(ctx, input({ currentPassword: 'falsch' })).catch((e) => e);
    expect(wrongOld).toBeInstanceOf(DomainError);
    expect(wrongOld).toMatchObject({
      code: 'invalid',
      field: 'currentPassword',
      message: 'Das bisherige Passwort stimmt nicht.',
      detail: { reason: 'wrong_password' },
    });
    const weak = await changePassword(ctx, input({ password: 'password1234', passwordRepeat: 'password1234' })).catch(
      (e) => e,
    );
    expect(weak).toMatchObject({ code: 'invalid', field: 'password', detail: { reason: 'weak_password' } });
    expect(await validateSession(db, other, tenant.id)).not.toBeNull();

    await changePassword(ctx, input({}));
    expect(await validateSession(db, current, tenant.id)).not.toBeNull();
    expect(await validateSession(db, other, tenant.id)).toBeNull();
    const pub = await publicCtxFor(db, tenant);
    expect((await attemptLogin(pub, { login: admin.username, password: PASSWORD, ip: '10.9.0.1' })).ok).toBe(false);
    expect((await attemptLogin(pub, { login: admin.username, password: NEW, ip: '10.9.0.2' })).ok).toBe(true);
    const audit = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.password.changed' AND actor_id = ${admin.id}`,
    );
    expect(audit[0]!.n).toBe(1);
  });

  // Issue 13, finding 12: the current password had no attempt limit, so a taken-over session could guess it.
  it('limits wrong current passwords per account like the login: after 5, even the right one waits', async () => {
    const { db } = await testDb();
    const { tenant, admin } = await makeTenant(db, 'pwlimit');
    const ctx = createCtx(db, tenant, await sessionUserOf(db, admin.id), {
      sessionId: await createSession(db, { tenantId: tenant.id, userId: admin.id }),
    });

    for (let i = 0; i < 5; i++) {
      expect(await failure(changePassword(ctx, input({ currentPassword: `falsch-${i}` })))).toMatchObject({
        ok: false,
        code: 'invalid',
        field: 'currentPassword',
      });
    }
    const blocked = await failure(changePassword(ctx, input({})));
    expect(blocked).toMatchObject({
      ok: false,
      code: 'rate_limited',
      detail: { retryAfterSeconds: expect.any(Number) },
    });
    expect(blocked.ok === false && blocked.message).toMatch(
      /^Zu viele Fehlversuche mit dem bisherigen Passwort\. Bitte warten Sie \d+ Sekunden/,
    );
    // The password is unchanged: the old one still signs in.
    expect(
      (
        await attemptLogin(await publicCtxFor(db, tenant), {
          login: admin.username,
          password: PASSWORD,
          ip: '10.9.1.1',
        })
      ).ok,
    ).toBe(true);

    // When the delay has passed, the right password works and the counter starts afresh.
    await db.execute(
      sql`UPDATE auth_throttle SET blocked_until = now() - interval '1 second' WHERE key LIKE ${`%${admin.id}`}`,
    );
    expect(await failure(changePassword(ctx, input({})))).toEqual({ ok: true });
    const rows = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM auth_throttle WHERE key LIKE ${`%${admin.id}`}`,
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('12 parallel wrong current passwords: at most 5 are checked, the rest wait', async () => {
    const { db } = await testDb();
    const { tenant, admin } = await makeTenant(db, 'pwparallel');
    const ctx = createCtx(db, tenant, await sessionUserOf(db, admin.id), {
      sessionId: await createSession(db, { tenantId: tenant.id, userId: admin.id }),
    });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => failure(changePassword(ctx, input({ currentPassword: `falsch-${i}` })))),
    );
    const codes = results.map((r) => (r.ok ? 'ok' : r.code));
    expect(codes.filter((c) => c === 'invalid').length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c !== 'invalid').every((c) => c === 'rate_limited')).toBe(true);
    const audit = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.password.throttled' AND actor_id = ${admin.id}`,
    );
    expect(audit[0]!.n).toBeGreaterThanOrEqual(7);
  });

  it('a right current password with a weak new one does not use up the attempts', async () => {
    const { db } = await testDb();
    const { tenant, admin } = await makeTenant(db, 'pwweak');
    const ctx = createCtx(db, tenant, await sessionUserOf(db, admin.id), {
      sessionId: await createSession(db, { tenantId: tenant.id, userId: admin.id }),
    });
    for (let i = 0; i < 7; i++) {
      expect(
        await failure(changePassword(ctx, input({ password: 'password1234', passwordRepeat: 'password1234' }))),
      ).toMatchObject({ code: 'invalid', field: 'password' });
    }
    expect(await failure(changePassword(ctx, input({})))).toEqual({ ok: true });
  });
});
