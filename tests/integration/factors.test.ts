import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { completeSecondStep } from '../../lib/auth/factors/second-step';
import { codeKey } from '../../lib/auth/throttle';
import { renewRecoveryCodes, startTotpSetup, switchOffTotp } from '../../lib/auth/factors/setup';
import { attemptLogin } from '../../lib/auth/login';
import type { Db } from '../../lib/db/client';
import { DomainError } from '../../lib/errors';
import { ctxFor, publicCtxFor } from './ctx';
import { testDb } from './db';
import { codeNow, enrol, makeEmployee, nextStep, sessionCount } from './factors-helpers';
import { makeTenant, PASSWORD } from './fixtures';

let db: Db;
let t: Awaited<ReturnType<typeof makeTenant>>;
let ip = 1;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  ({ db } = await testDb());
  t = await makeTenant(db, 'zweifaktor');
});
afterAll(() => vi.useRealTimers());

const login = async (username: string) =>
  attemptLogin(await publicCtxFor(db, t.tenant.id), { login: username, password: PASSWORD, ip: `10.20.0.${ip++}` });
const second = async (pending: string, code: string) =>
  completeSecondStep(await publicCtxFor(db, t.tenant.id), { pending, code, ip: '10.20.1.1' });

async function pendingFor(username: string): Promise<string> {
  const r = await login(username);
  if (r.ok || r.code !== 'second_factor') throw new Error(`expected the second step, got ${JSON.stringify(r)}`);
  return r.pending;
}

describe('TOTP at login', () => {
  it('makes no session after the password, one after the right code, and refuses the replayed code', async () => {
    const e = await makeEmployee(db, t.tenant.id, 'tina');
    const { secret } = await enrol(db, t.tenant.id, e.id);
    const before = await sessionCount(db, e.id);
    const pending = await pendingFor(e.username);
    expect(await sessionCount(db, e.id)).toBe(before);

    nextStep();
    const code = codeNow(secret);
    const ok = await second(pending, code);
    expect(ok.ok).toBe(true);
    expect(await sessionCount(db, e.id)).toBe(before + 1);
    // The pending login is used up.
    expect(await second(pending, code)).toEqual({ ok: false, code: 'expired' });
    // The same code on a fresh pending login, in the same 30 s: refused (last used step is stored).
    expect(await second(await pendingFor(e.username), code)).toEqual({ ok: false, code: 'invalid' });
    expect(await sessionCount(db, e.id)).toBe(before + 1);
    // The next step's code works.
    nextStep();
    expect((await second(await pendingFor(e.username), codeNow(secret))).ok).toBe(true);
  });

  it('lets only one of two parallel requests with the same code through', async () => {
    const e = await makeEmployee(db, t.tenant.id, 'paula');
    const { secret } = await enrol(db, t.tenant.id, e.id);
    const [p1, p2] = [await pendingFor(e.username), await pendingFor(e.username)];
    nextStep();
    const code = codeNow(secret);
    const results = await Promise.all([second(p1, code), second(p2, code)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it('throttles codes like passwords: of 20 parallel wrong codes the free ones and few more are checked, each counted', async () => {
    const e = await makeEmployee(db, t.tenant.id, 'rita');
    await enrol(db, t.tenant.id, e.id);
    const pending = await pendingFor(e.username);
    const results = await Promise.all(Array.from({ length: 20 }, () => second(pending, '000000')));
    const checked = results.filter((r) => !r.ok && r.code === 'invalid').length;
    // 4 free failures, then a delay from 1 s doubling: a few may pass on a slow machine, never all.
    expect(checked).toBeGreaterThanOrEqual(5);
    expect(checked).toBeLessThan(12);
    expect(results.filter((r) => !r.ok && r.code === 'rate_limited').length).toBe(20 - checked);
    const [row] = await db.execute<{ failures: number; blocked: boolean }>(
      sql`SELECT failures, blocked_until > now() AS blocked FROM auth_throttle WHERE key = ${codeKey(t.tenant.id, e.id)}`,
    );
    expect(row).toEqual({ failures: checked, blocked: true });
    const audits = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.code.failed' AND actor_id = ${e.id}`,
    );
    expect(audits[0]!.n).toBe(checked);
  });

  it('after many failures: exactly one of 20 parallel codes is checked, then even the right code waits', async () => {
    const e = await makeEmployee(db, t.tenant.id, 'rudi');
    const { secret } = await enrol(db, t.tenant.id, e.id);
    // 12 failures within the hour: the next one sets a delay of 2^8 s.
    await db.execute(
      sql`INSERT INTO auth_throttle (key, failures, window_start) VALUES (${codeKey(t.tenant.id, e.id)}, 12, now())`,
    );
    const pending = await pendingFor(e.username);
    const results = await Promise.all(Array.from({ length: 20 }, () => second(pending, '000000')));
    expect(results.filter((r) => !r.ok && r.code === 'invalid')).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === 'rate_limited')).toHaveLength(19);
    nextStep();
    const right = await second(pending, codeNow(secret));
    expect(right.ok ? 'ok' : right.code).toBe('rate_limited');
  });

  it('refuses a pending login of another tenant', async () => {
    const other = await makeTenant(db, 'zweifaktor-b');
    const e = await makeEmployee(db, t.tenant.id, 'otto');
    const { secret } = await enrol(db, t.tenant.id, e.id);
    const pending = await pendingFor(e.username);
    nextStep();
    const r = await completeSecondStep(await publicCtxFor(db, other.tenant.id), {
      pending,
      code: codeNow(secret),
      ip: '10.20.2.1',
    });
    expect(r).toEqual({ ok: false, code: 'expired' });
  });

  it('stores the secret encrypted, never in plain text', async () => {
    const e = await makeEmployee(db, t.tenant.id, 'sven');
    const { secret } = await enrol(db, t.tenant.id, e.id);
    const rows = await db.execute<{ secret_enc: string }>(
      sql`SELECT secret_enc FROM user_totp WHERE user_id = ${e.id}`,
    );
    expect(rows[0]!.secret_enc).toMatch(/^v1\./);
    expect(rows[0]!.secret_enc).not.toContain(secret);
  });
});

describe('recovery codes', () => {
  it('let one sign in exactly once each, also with two requests at once', async () => {
    const e = await makeEmployee(db, t.tenant.id, 'rolf');
    const { recoveryCodes } = await enrol(db, t.tenant.id, e.id);
    expect(recoveryCodes).toHaveLength(10);
    const code = recoveryCodes[0]!.toLowerCase();
    const first = await second(await pendingFor(e.username), code);
    expect(first.ok && first.recovery).toBe(true);
    expect(await second(await pendingFor(e.username), code)).toEqual({ ok: false, code: 'invalid' });
    const twice = await Promise.all([
      second(await pendingFor(e.username), recoveryCodes[1]!),
      second(await pendingFor(e.username), recoveryCodes[1]!),
    ]);
    expect(twice.filter((r) => r.ok)).toHaveLength(1);
    const used = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.recovery_used' AND actor_id = ${e.id}`,
    );
    expect(used[0]!.n).toBe(2);
  });

  it('are stored only as hashes and renewed on demand (the old ones stop working)', async () => {
    const e = await makeEmployee(db, t.tenant.id, 'rena');
    const { secret, recoveryCodes } = await enrol(db, t.tenant.id, e.id);
    const rows = await db.execute<{ code_hash: string }>(
      sql`SELECT code_hash FROM recovery_codes WHERE user_id = ${e.id}`,
    );
    expect(rows).toHaveLength(10);
    for (const r of rows) expect(recoveryCodes.join()).not.toContain(r.code_hash.slice(0, 10));
    nextStep();
    const ctx = await ctxFor(db, t.tenant.id, e.id);
    const renewed = await renewRecoveryCodes(ctx, { code: codeNow(secret) });
    expect(renewed.recoveryCodes).toHaveLength(10);
    expect(await second(await pendingFor(e.username), recoveryCodes[2]!)).toEqual({ ok: false, code: 'invalid' });
    expect((await second(await pendingFor(e.username), renewed.recoveryCodes[0]!)).ok).toBe(true);
  });
});

describe('Mein Zugang', () => {
  it('a second setup is refused while one is on; switching off needs a code and is audited', async () => {
    const c = t.client;
    const { secret } = await enrol(db, t.tenant.id, c.id);
    const ctx = await ctxFor(db, t.tenant.id, c.id);
    await expect(startTotpSetup(ctx)).rejects.toMatchObject({ code: 'conflict' });
    await expect(switchOffTotp(ctx, { code: '123456' })).rejects.toBeInstanceOf(DomainError);
    nextStep();
    await switchOffTotp(ctx, { code: codeNow(secret) });
    const r = await login(c.username);
    expect(r.ok).toBe(true);
    const kinds = await db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE actor_id = ${c.id} AND action LIKE 'auth.totp%' ORDER BY id`,
    );
    expect(kinds.map((k) => k.action)).toEqual(['auth.totp_enabled', 'auth.totp_disabled']);
  });

  it('an employee held to the factor by the tenant cannot switch it off', async () => {
    const strict = await makeTenant(db, 'streng');
    await db.execute(sql`UPDATE tenants SET require_employee_mfa = true WHERE id = ${strict.tenant.id}`);
    const e = await makeEmployee(db, strict.tenant.id, 'emil');
    const { secret } = await enrol(db, strict.tenant.id, e.id);
    nextStep();
    const ctx = await ctxFor(db, strict.tenant.id, e.id);
    await expect(switchOffTotp(ctx, { code: codeNow(secret) })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
