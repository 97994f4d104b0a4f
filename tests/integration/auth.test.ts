import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { attemptLogin } from '../../lib/auth/login';
import { signInWithPassword } from '../../lib/auth/sign-in';
import { DomainError } from '../../lib/errors';
import { verifyPassword } from '../../lib/auth/password';
import { createSession, revokeSession, revokeUserSessions, validateSession } from '../../lib/auth/sessions';
import type { Db } from '../../lib/db/client';
import { publicCtxFor } from './ctx';
import { testDb } from './db';
import { makeTenant, PASSWORD } from './fixtures';

/*
 * The sign-in verb runs Auth.js's signIn inside a request. Here signIn is what its authorize does
 * (lib/auth/auth.ts: attemptLogin, a refusal as CredentialsSignin / ThrottledSignin), and the request's
 * cookie jar is a map, so the verb's own work – the DomainErrors and the remembered language – is visible.
 */
const request = vi.hoisted(() => ({ jar: new Map<string, string>(), ctx: undefined as unknown }));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    set: (name: string, value: string) => void request.jar.set(name, value),
    get: (name: string) => request.jar.get(name),
  }),
  headers: async () => new Headers(),
}));
// next-auth itself does not load outside Next (it imports next/server); its refusal class is all the verb needs.
vi.mock('next-auth', () => ({ CredentialsSignin: class CredentialsSignin extends Error {} }));
vi.mock('next-auth/jwt', () => ({ decode: async () => null }));
vi.mock('../../lib/auth/auth', async () => {
  const { CredentialsSignin: Refused } = await import('next-auth');
  const { attemptLogin: verb } = await import('../../lib/auth/login');
  class Throttled extends Refused {
    constructor(public readonly retryAfterSeconds: number) {
      super();
    }
  }
  return {
    ThrottledSignin: Throttled,
    signIn: async (_provider: string, input: { login: string; password: string }) => {
      const result = await verb(request.ctx as Parameters<typeof verb>[0], { ...input, ip: '10.8.0.1' });
      if (result.ok) return;
      throw result.code === 'rate_limited' ? new Throttled(result.retryAfterSeconds) : new Refused();
    },
  };
});

let db: Db;
let t: Awaited<ReturnType<typeof makeTenant>>;
let other: Awaited<ReturnType<typeof makeTenant>>;

beforeAll(async () => {
  ({ db } = await testDb());
  t = await makeTenant(db, 'login');
  other = await makeTenant(db, 'andere');
});

/** A login on a tenant's host (the public context of that tenant). */
const loginAt = async (tenant: { id: string }, input: Parameters<typeof attemptLogin>[1]) =>
  attemptLogin(await publicCtxFor(db, tenant.id), input);
const login = (over: Partial<Parameters<typeof attemptLogin>[1]> = {}) =>
  loginAt(t.tenant, { login: t.admin.username, password: PASSWORD, ip: '10.0.0.1', ...over });

describe('login', () => {
  it('accepts username or e-mail, case-insensitively, and creates a session row', async () => {
    const byName = await login({ login: t.admin.username.toUpperCase(), ip: '10.0.1.1' });
    const byMail = await login({ login: 'ADMIN@login.example', ip: '10.0.1.1' });
    expect(byName.ok && byMail.ok).toBe(true);
    const rows = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM sessions WHERE user_id = ${t.admin.id}`,
    );
    expect(rows[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('refuses a user of another tenant on this tenant', async () => {
    const result = await login({ login: other.admin.email, ip: '10.0.1.2' });
    expect(result).toEqual({ ok: false, code: 'invalid' });
  });

  it('stores argon2id hashes with at least 19 MiB and t=2', async () => {
    const rows = await db.execute<{ password_hash: string }>(
      sql`SELECT password_hash FROM users WHERE id = ${t.admin.id}`,
    );
    const phc = rows[0]!.password_hash;
    expect(phc).toMatch(/^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=1\$/);
    const [, m, tc] = /m=(\d+),t=(\d+)/.exec(phc)!;
    expect(Number(m)).toBeGreaterThanOrEqual(19_456);
    expect(Number(tc)).toBeGreaterThanOrEqual(2);
    expect(await verifyPassword(phc, PASSWORD)).toBe(true);
    expect(await verifyPassword(phc, 'falsch')).toBe(false);
  });

  it('answers the same for a wrong password and an unknown account, with similar timing', async () => {
    const time = async (loginName: string, ip: string) => {
      const start = performance.now();
      const result = await login({ login: loginName, password: 'falsches-passwort', ip });
      return { result, ms: performance.now() - start };
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      const a = await time(t.client.username, `10.0.2.${i}`);
      const b = await time(`niemand${i}`, `10.0.3.${i}`);
      expect(a.result).toEqual({ ok: false, code: 'invalid' });
      expect(b.result).toEqual({ ok: false, code: 'invalid' });
      known.push(a.ms);
      unknown.push(b.ms);
    }
    // Both paths run one argon2 verification; a missing account must not answer measurably faster. The
    // fastest run of each is compared: on a shared machine noise only ever adds time.
    expect(Math.min(...unknown)).toBeGreaterThan(Math.min(...known) * 0.5);
  });

  it('throttles an account after 5 failures with a growing delay, also for the right password', async () => {
    const name = t.client.email;
    // The timing test above failed 4 times by this account's username, which counts for the e-mail too: start afresh.
    await db.execute(sql`DELETE FROM auth_throttle WHERE key = ${`acct:${t.tenant.id}:${name.toLowerCase()}`}`);
    for (let i = 0; i < 4; i++)
      expect(await login({ login: name, password: 'falsch', ip: `10.1.0.${i}` })).toEqual({
        ok: false,
        code: 'invalid',
      });
    expect(await login({ login: name, password: 'falsch', ip: '10.1.0.9' })).toEqual({ ok: false, code: 'invalid' });
    const blocked = await login({ login: name, password: PASSWORD, ip: '10.1.0.10' });
    expect(blocked).toMatchObject({ ok: false, code: 'rate_limited' });
    // The block expires; the next failure doubles it.
    await db.execute(sql`UPDATE auth_throttle SET blocked_until = now() - interval '1 second' WHERE key LIKE 'acct:%'`);
    expect(await login({ login: name, password: 'falsch', ip: '10.1.0.11' })).toEqual({ ok: false, code: 'invalid' });
    const rows = await db.execute<{ secs: number }>(
      sql`SELECT round(extract(epoch FROM blocked_until - now()))::int AS secs FROM auth_throttle WHERE key = ${`acct:${t.tenant.id}:${name.toLowerCase()}`}`,
    );
    expect(rows[0]!.secs).toBeGreaterThanOrEqual(1);
    expect(rows[0]!.secs).toBeLessThanOrEqual(2);
  });

  it('throttles unknown accounts exactly like known ones', async () => {
    for (let i = 0; i < 5; i++) await login({ login: 'gibt-es-nicht', password: 'falsch', ip: `10.2.0.${i}` });
    expect(await login({ login: 'gibt-es-nicht', password: 'falsch', ip: '10.2.0.9' })).toMatchObject({
      ok: false,
      code: 'rate_limited',
    });
  });

  it('blocks an IP after 30 failures in 10 minutes, across accounts', async () => {
    for (let i = 0; i < 30; i++) {
      expect(await login({ login: `opfer${i}`, password: 'falsch', ip: '203.0.113.7' })).toEqual({
        ok: false,
        code: 'invalid',
      });
    }
    expect(await login({ login: 'opfer-neu', password: 'falsch', ip: '203.0.113.7' })).toMatchObject({
      ok: false,
      code: 'rate_limited',
    });
    // Another address is not affected.
    expect((await login({ ip: '203.0.113.8' })).ok).toBe(true);
  });

  it('12 parallel wrong logins for one account: at most 5 are checked, the rest are throttled', async () => {
    const r = await makeTenant(db, 'parallel');
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        loginAt(r.tenant, { login: r.client.username, password: 'falsch', ip: `10.4.0.${i}` }),
      ),
    );
    const codes = results.map((x) => (x.ok ? 'ok' : x.code));
    expect(codes.filter((c) => c === 'invalid').length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c !== 'invalid').every((c) => c === 'rate_limited')).toBe(true);
    // The right password is throttled too while the delay runs.
    expect(await loginAt(r.tenant, { login: r.client.username, password: PASSWORD, ip: '10.4.1.1' })).toMatchObject({
      ok: false,
      code: 'rate_limited',
    });
  });

  it('username and e-mail of one account share one counter, also in parallel', async () => {
    const r = await makeTenant(db, 'gemischt');
    const names = [r.client.username, r.client.email, r.client.email.toUpperCase(), r.client.username.toUpperCase()];
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        loginAt(r.tenant, { login: names[i % names.length]!, password: 'falsch', ip: `10.4.2.${i}` }),
      ),
    );
    const codes = results.map((x) => (x.ok ? 'ok' : x.code));
    expect(codes.filter((c) => c === 'invalid').length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 'rate_limited').length).toBeGreaterThanOrEqual(7);
    // Sequentially too: 5 failures by e-mail, then the username (with the right password) is throttled.
    const s = await makeTenant(db, 'folge');
    for (let i = 0; i < 5; i++) {
      expect(await loginAt(s.tenant, { login: s.client.email, password: 'falsch', ip: `10.4.3.${i}` })).toEqual({
        ok: false,
        code: 'invalid',
      });
    }
    expect(await loginAt(s.tenant, { login: s.client.username, password: PASSWORD, ip: '10.4.3.9' })).toMatchObject({
      ok: false,
      code: 'rate_limited',
    });
  });

  it('12 parallel wrong logins for an unknown name answer exactly like for an account', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login({ login: 'niemand-parallel', password: 'falsch', ip: `10.4.4.${i}` })),
    );
    const codes = results.map((x) => (x.ok ? 'ok' : x.code));
    expect(codes.filter((c) => c === 'invalid').length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c !== 'invalid').every((c) => c === 'rate_limited')).toBe(true);
  });

  it('a success clears the account counter, whichever name was used for the failures', async () => {
    const r = await makeTenant(db, 'erfolg');
    for (let i = 0; i < 4; i++)
      await loginAt(r.tenant, { login: r.client.username, password: 'falsch', ip: `10.4.5.${i}` });
    expect((await loginAt(r.tenant, { login: r.client.email, password: PASSWORD, ip: '10.4.5.8' })).ok).toBe(true);
    // Four fresh failures are free again.
    for (let i = 0; i < 4; i++) {
      expect(await loginAt(r.tenant, { login: r.client.email, password: 'falsch', ip: `10.4.6.${i}` })).toEqual({
        ok: false,
        code: 'invalid',
      });
    }
    expect((await loginAt(r.tenant, { login: r.client.username, password: PASSWORD, ip: '10.4.6.9' })).ok).toBe(true);
  });

  it('successful logins do not use up the per-IP failure budget', async () => {
    for (let i = 0; i < 35; i++) expect((await login({ ip: '198.51.100.20' })).ok).toBe(true);
  });

  it('refuses locked accounts', async () => {
    await db.execute(sql`UPDATE users SET status = 'locked' WHERE id = ${other.client.id}`);
    const result = await loginAt(other.tenant, { login: other.client.username, password: PASSWORD, ip: '10.3.0.1' });
    expect(result).toEqual({ ok: false, code: 'invalid' });
  });

  it('writes audit rows for failures and successes', async () => {
    const rows = await db.execute<{ action: string }>(
      sql`SELECT DISTINCT action FROM audit_log WHERE tenant_id = ${t.tenant.id}`,
    );
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['auth.login.failed', 'auth.login.succeeded', 'auth.login.throttled']),
    );
  });
});

describe('sessions', () => {
  const newSession = () => createSession(db, { tenantId: t.tenant.id, userId: t.admin.id });

  it('are valid for their own tenant only', async () => {
    const sid = await newSession();
    expect((await validateSession(db, sid, t.tenant.id))?.id).toBe(t.admin.id);
    expect(await validateSession(db, sid, other.tenant.id)).toBeNull();
    expect(await validateSession(db, 'forged', t.tenant.id)).toBeNull();
  });

  it('store only a hash of the session id', async () => {
    const sid = await newSession();
    const rows = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM sessions WHERE id_hash = ${sid}`);
    expect(rows[0]!.n).toBe(0);
  });

  it('end after 30 idle minutes', async () => {
    const sid = await newSession();
    await db.execute(
      sql`UPDATE sessions SET last_seen_at = now() - interval '29 minutes' WHERE user_id = ${t.admin.id}`,
    );
    expect(await validateSession(db, sid, t.tenant.id)).not.toBeNull();
    // The check above refreshed last_seen_at; going idle again for 31 minutes ends it.
    await db.execute(
      sql`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = ${t.admin.id}`,
    );
    expect(await validateSession(db, sid, t.tenant.id)).toBeNull();
  });

  it('end 12 hours after login even while active', async () => {
    const sid = await newSession();
    await db.execute(
      sql`UPDATE sessions SET created_at = now() - interval '12 hours', expires_at = now() - interval '1 second' WHERE revoked_at IS NULL`,
    );
    expect(await validateSession(db, sid, t.tenant.id)).toBeNull();
  });

  it('end on logout (revocation) at the next request', async () => {
    const sid = await newSession();
    await revokeSession(db, sid);
    expect(await validateSession(db, sid, t.tenant.id)).toBeNull();
  });

  it('all end when the account is locked or its password changes', async () => {
    const a = await newSession();
    const b = await newSession();
    expect(await revokeUserSessions(db, t.tenant.id, t.admin.id)).toBeGreaterThanOrEqual(2);
    expect(await validateSession(db, a, t.tenant.id)).toBeNull();
    expect(await validateSession(db, b, t.tenant.id)).toBeNull();
    const c = await newSession();
    await db.execute(sql`UPDATE users SET status = 'locked' WHERE id = ${t.admin.id}`);
    expect(await validateSession(db, c, t.tenant.id)).toBeNull();
    await db.execute(sql`UPDATE users SET status = 'active' WHERE id = ${t.admin.id}`);
  });
});

describe('sign-in from the login form (signInWithPassword)', () => {
  const signInAs = async (tenant: { id: string }, login: string, password: string) => {
    const ctx = await publicCtxFor(db, tenant.id);
    request.ctx = ctx;
    request.jar.clear();
    return signInWithPassword(ctx, { login, password }).catch((e: unknown) => e);
  };

  it('goes to the advisor area or the portal and remembers the account’s language in mappe.locale', async () => {
    const r = await makeTenant(db, 'sprache');
    await db.execute(sql`UPDATE users SET locale = 'en' WHERE id = ${r.client.id}`);
    expect(await signInAs(r.tenant, r.client.username, PASSWORD)).toEqual({ home: '/portal' });
    expect(request.jar.get('mappe.locale')).toBe('en');
    // Without a language of its own the account leaves the browser's choice alone (the tenant's applies).
    expect(await signInAs(r.tenant, r.admin.email, PASSWORD)).toEqual({ home: '/dashboard' });
    expect(request.jar.has('mappe.locale')).toBe(false);
  });

  it('refuses with the union’s codes and the German messages of the signin catalog', async () => {
    const r = await makeTenant(db, 'abweisung');
    const wrong = await signInAs(r.tenant, r.client.username, 'falsch');
    expect(wrong).toBeInstanceOf(DomainError);
    expect(wrong).toMatchObject({ code: 'invalid', message: 'Benutzername oder Passwort ist nicht korrekt.' });
    expect(request.jar.size).toBe(0);
    for (let i = 0; i < 4; i++) await signInAs(r.tenant, r.client.username, 'falsch');
    const throttled = await signInAs(r.tenant, r.client.username, PASSWORD);
    expect(throttled).toMatchObject({ code: 'rate_limited', detail: { retryAfterSeconds: expect.any(Number) } });
    expect((throttled as DomainError).message).toMatch(/^Zu viele Fehlversuche\. Bitte warten Sie \d+ Sekunden/);
    expect((throttled as DomainError).text('en')).toMatch(/^Too many failed attempts\. Please wait \d+ seconds/);
  });
});
