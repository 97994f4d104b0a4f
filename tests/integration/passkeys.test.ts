import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mustSetUpFactor } from '../../lib/access/factors';
import { completeSecondStep, passkeySecondStepOptions } from '../../lib/auth/factors/second-step';
import { hasSecondFactor } from '../../lib/auth/factors/store';
import { attemptLogin } from '../../lib/auth/login';
import { attemptPasskeyLogin, passkeyLoginOptions } from '../../lib/auth/passkeys/login';
import {
  finishPasskeyRegistration,
  myPasskeys,
  removePasskey,
  renamePasskey,
  startPasskeyRegistration,
} from '../../lib/auth/passkeys/manage';
import { relyingParty, type RelyingParty } from '../../lib/auth/passkeys/rp';
import type { Db } from '../../lib/db/client';
import { auditLog, outbox, passkeys, tenants, users } from '../../lib/db/schema';
import { ctxFor, publicCtxFor } from './ctx';
import { testDb } from './db';
import { codeNow, enrol, makeEmployee, nextStep } from './factors-helpers';
import { makeTenant, PASSWORD } from './fixtures';
import { softAuthenticator, type SoftAuthenticator } from './passkey-authenticator';

let db: Db;
let a: Awaited<ReturnType<typeof makeTenant>>;
let b: Awaited<ReturnType<typeof makeTenant>>;
let rpA: RelyingParty;
let rpB: RelyingParty;
let ip = 1;

const chrome =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';
const safari =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';

beforeAll(async () => {
  ({ db } = await testDb());
  a = await makeTenant(db, 'passkey-a');
  b = await makeTenant(db, 'passkey-b');
  rpA = relyingParty('passkey-a.localhost:3000', 'http', a.tenant.name)!;
  rpB = relyingParty('passkey-b.localhost:3000', 'http', b.tenant.name)!;
});

// Each test starts with no failure counted (the throttle has its own test below).
beforeEach(async () => {
  await db.execute(sql`DELETE FROM auth_throttle`);
});

/** Adds a passkey for the account through the verbs, with the software authenticator. */
async function enrolPasskey(tenantId: string, userId: string, rp: RelyingParty, name = 'Telefon') {
  const key = softAuthenticator();
  const ctx = await ctxFor(db, tenantId, userId);
  const options = await startPasskeyRegistration(ctx, { password: PASSWORD, rp });
  const saved = await finishPasskeyRegistration(ctx, { name, response: key.register(options, rp.origin), rp });
  return { key, saved };
}

async function loginWith(tenantId: string, key: SoftAuthenticator, rp: RelyingParty, opts = {}, origin = rp.origin) {
  const pub = await publicCtxFor(db, tenantId);
  const options = await passkeyLoginOptions(pub, { rp, ip: '10.29.0.1' });
  const response = key.assert(options, origin, opts);
  const result = await attemptPasskeyLogin(pub, { response, rp, ip: `10.30.0.${ip++}`, userAgent: chrome });
  return { result, response, options };
}

const actions = async (userId: string, action: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetId, userId), eq(auditLog.action, action)));

describe('passkey registration', () => {
  it('needs the current password, checks the answer against the stored challenge and keeps the key', async () => {
    const ctx = await ctxFor(db, a.tenant.id, a.client.id);
    await expect(startPasskeyRegistration(ctx, { password: 'falsch', rp: rpA })).rejects.toMatchObject({
      code: 'invalid',
      field: 'password',
    });
    const { key, saved } = await enrolPasskey(a.tenant.id, a.client.id, rpA);
    expect(saved.name).toBe('Telefon');
    const [row] = await db.select().from(passkeys).where(eq(passkeys.id, saved.id));
    expect(row).toMatchObject({
      tenantId: a.tenant.id,
      userId: a.client.id,
      credentialId: key.credentialId.toString('base64url'),
    });
    expect(row!.transports).toEqual(['internal']);
    expect(await actions(a.client.id, 'auth.passkey_added')).toHaveLength(1);
    expect(await hasSecondFactor(db, a.tenant.id, a.client.id)).toBe(true);
  });

  it('offers and accepts only Ed25519, P-256 and RSA keys, on every Node (not ML-DSA, which Node 24 would add first)', async () => {
    const ctx = await ctxFor(db, a.tenant.id, a.client.id);
    const options = await startPasskeyRegistration(ctx, { password: PASSWORD, rp: rpA });
    expect(options.pubKeyCredParams.map((p) => p.alg)).toEqual([-8, -7, -257]);
    const key = softAuthenticator();
    const mldsa = key.register(options, rpA.origin, -48);
    await expect(finishPasskeyRegistration(ctx, { name: 'PQ', response: mldsa, rp: rpA })).rejects.toMatchObject({
      code: 'invalid',
    });
    expect(
      await db
        .select()
        .from(passkeys)
        .where(eq(passkeys.credentialId, key.credentialId.toString('base64url'))),
    ).toEqual([]);
  });

  it('refuses a replayed registration, an answer for another host, and a challenge of another account', async () => {
    const ctx = await ctxFor(db, a.tenant.id, a.admin.id);
    const key = softAuthenticator();
    const options = await startPasskeyRegistration(ctx, { password: PASSWORD, rp: rpA });
    // Signed for tenant B's host: the challenge is used up, the answer refused.
    const wrongHost = key.register({ ...options, rp: { ...options.rp, id: rpB.rpId } }, rpB.origin);
    await expect(finishPasskeyRegistration(ctx, { response: wrongHost, rp: rpA })).rejects.toMatchObject({
      code: 'invalid',
    });
    await expect(finishPasskeyRegistration(ctx, { response: wrongHost, rp: rpA })).rejects.toMatchObject({
      code: 'expired',
    });
    // A challenge made for the admin cannot finish the client's registration.
    const other = await startPasskeyRegistration(ctx, { password: PASSWORD, rp: rpA });
    const clientCtx = await ctxFor(db, a.tenant.id, a.client.id);
    await expect(
      finishPasskeyRegistration(clientCtx, { response: key.register(other, rpA.origin), rp: rpA }),
    ).rejects.toMatchObject({ code: 'expired' });
    expect(await myPasskeys(ctx)).toHaveLength(0);
  });
});

describe('sign-in with a passkey alone', () => {
  it('signs in, stores the counter and last use, audits; the replayed assertion is refused', async () => {
    const { key, saved } = await enrolPasskey(a.tenant.id, a.client.id, rpA, 'Zweites');
    const { result, response } = await loginWith(a.tenant.id, key, rpA);
    expect(result.ok).toBe(true);
    const [row] = await db.select().from(passkeys).where(eq(passkeys.id, saved.id));
    expect(row!.counter).toBe(1);
    expect(row!.lastUsedAt).not.toBeNull();
    const ok = await actions(a.client.id, 'auth.login.succeeded');
    expect(ok.some((r) => (r.meta as { factor?: string })?.factor === 'passkey')).toBe(true);
    // The very same response again: its challenge is used up.
    const again = await attemptPasskeyLogin(await publicCtxFor(db, a.tenant.id), {
      response,
      rp: rpA,
      ip: '10.30.9.1',
    });
    expect(again).toEqual({ ok: false, code: 'invalid' });
  });

  it('refuses a counter that did not move on, missing user verification and a wrong origin or RP ID', async () => {
    const { key } = await enrolPasskey(a.tenant.id, a.client.id, rpA, 'Drittes');
    expect((await loginWith(a.tenant.id, key, rpA, { counter: 5 })).result.ok).toBe(true);
    expect((await loginWith(a.tenant.id, key, rpA, { counter: 5 })).result.ok).toBe(false);
    expect((await loginWith(a.tenant.id, key, rpA, { counter: 3 })).result.ok).toBe(false);
    expect((await loginWith(a.tenant.id, key, rpA, { uv: false, counter: 7 })).result.ok).toBe(false);
    expect((await loginWith(a.tenant.id, key, rpA, { counter: 8 }, 'http://evil.localhost:3000')).result.ok).toBe(
      false,
    );
    expect((await loginWith(a.tenant.id, key, rpA, { counter: 9, rpId: 'evil.localhost' })).result.ok).toBe(false);
    await db.execute(sql`DELETE FROM auth_throttle`);
    expect((await loginWith(a.tenant.id, key, rpA, { counter: 10 })).result.ok).toBe(true);
    const failed = await actions(a.client.id, 'auth.login.failed');
    expect(failed.filter((r) => (r.meta as { method?: string })?.method === 'passkey').length).toBeGreaterThanOrEqual(
      5,
    );
  });

  it("is useless on another tenant's host, whether signed for that host or for its own", async () => {
    const { key } = await enrolPasskey(a.tenant.id, a.client.id, rpA, 'Für A');
    expect((await loginWith(b.tenant.id, key, rpB)).result).toEqual({ ok: false, code: 'invalid' });
    // Tenant B's challenge, signed for A's host and origin, presented on B: refused too.
    const pubB = await publicCtxFor(db, b.tenant.id);
    const options = await passkeyLoginOptions(pubB, { rp: rpB, ip: '10.29.0.1' });
    const response = key.assert(options, rpA.origin, { rpId: rpA.rpId });
    expect(await attemptPasskeyLogin(pubB, { response, rp: rpB, ip: '10.30.8.1' })).toEqual({
      ok: false,
      code: 'invalid',
    });
    // B's challenge presented on A: it belongs to another tenant.
    const onA = await attemptPasskeyLogin(await publicCtxFor(db, a.tenant.id), {
      response: key.assert(options, rpA.origin, { rpId: rpA.rpId }),
      rp: rpA,
      ip: '10.30.8.2',
    });
    expect(onA).toEqual({ ok: false, code: 'invalid' });
  });

  it('lets only one of two parallel requests with the same assertion through', async () => {
    const { key } = await enrolPasskey(a.tenant.id, a.client.id, rpA, 'Parallel');
    const pub = await publicCtxFor(db, a.tenant.id);
    const options = await passkeyLoginOptions(pub, { rp: rpA, ip: '10.29.0.1' });
    const response = key.assert(options, rpA.origin);
    const results = await Promise.all([
      attemptPasskeyLogin(pub, { response, rp: rpA, ip: '10.30.7.1' }),
      attemptPasskeyLogin(pub, { response, rp: rpA, ip: '10.30.7.2' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it('is throttled like passwords: after the free failures the account waits', async () => {
    const { key } = await enrolPasskey(a.tenant.id, a.admin.id, rpA, 'Gedrosselt');
    for (let i = 0; i < 5; i++) await loginWith(a.tenant.id, key, rpA, { uv: false });
    const { result } = await loginWith(a.tenant.id, key, rpA);
    expect(result).toMatchObject({ ok: false, code: 'rate_limited' });
  });

  it('limits the challenges one address can make (60 in 10 minutes), counted before any row is written', async () => {
    const pub = await publicCtxFor(db, a.tenant.id);
    const results = await Promise.allSettled(
      Array.from({ length: 70 }, () => passkeyLoginOptions(pub, { rp: rpA, ip: '10.29.9.9' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(60);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(
      Array(10).fill('rate_limited'),
    );
  });
});

describe('passkey as the second factor', () => {
  it('an employee with a passkey gets the second step after the password; the passkey completes it; the new-device mail comes only then', async () => {
    const e = await makeEmployee(db, a.tenant.id, 'petra');
    const pub = await publicCtxFor(db, a.tenant.id);
    // An earlier sign-in from a known device (so a new one is news).
    expect(
      (await attemptLogin(pub, { login: e.username, password: PASSWORD, ip: '10.31.0.1', userAgent: chrome })).ok,
    ).toBe(true);
    const { key } = await enrolPasskey(a.tenant.id, e.id, rpA, 'Laptop');
    const mails = async () =>
      (
        await db
          .select()
          .from(outbox)
          .where(and(eq(outbox.toAddress, e.email), eq(outbox.template, 'new-device')))
      ).length;

    const first = await attemptLogin(pub, {
      login: e.username,
      password: PASSWORD,
      ip: '10.31.0.2',
      userAgent: safari,
    });
    if (first.ok || first.code !== 'second_factor') throw new Error('expected the second step');
    expect(await mails()).toBe(0);
    const options = (await passkeySecondStepOptions(pub, { pending: first.pending, rp: rpA }))!;
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([key.credentialId.toString('base64url')]);
    // A challenge of this pending login does not serve another one.
    const second = await attemptLogin(pub, {
      login: e.username,
      password: PASSWORD,
      ip: '10.31.0.3',
      userAgent: safari,
    });
    if (second.ok || second.code !== 'second_factor') throw new Error('expected the second step');
    const stolen = key.assert(options, rpA.origin);
    const cross = await completeSecondStep(pub, { pending: second.pending, passkey: stolen, rp: rpA, ip: '10.31.0.3' });
    expect(cross).toEqual({ ok: false, code: 'invalid' });

    const fresh = (await passkeySecondStepOptions(pub, { pending: first.pending, rp: rpA }))!;
    const done = await completeSecondStep(pub, {
      pending: first.pending,
      passkey: key.assert(fresh, rpA.origin, { uv: false }),
      rp: rpA,
      ip: '10.31.0.2',
      userAgent: safari,
    });
    expect(done.ok).toBe(true);
    expect(await mails()).toBe(1);
  });

  it('with TOTP too: the new-device mail waits for the code, not the password', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const e = await makeEmployee(db, a.tenant.id, 'tobias');
      const pub = await publicCtxFor(db, a.tenant.id);
      expect(
        (await attemptLogin(pub, { login: e.username, password: PASSWORD, ip: '10.32.0.1', userAgent: chrome })).ok,
      ).toBe(true);
      const { secret } = await enrol(db, a.tenant.id, e.id);
      const mails = async () =>
        (
          await db
            .select()
            .from(outbox)
            .where(and(eq(outbox.toAddress, e.email), eq(outbox.template, 'new-device')))
        ).length;
      const step = await attemptLogin(pub, {
        login: e.username,
        password: PASSWORD,
        ip: '10.32.0.2',
        userAgent: safari,
      });
      if (step.ok || step.code !== 'second_factor') throw new Error('expected the second step');
      expect(await mails()).toBe(0);
      nextStep();
      const done = await completeSecondStep(pub, {
        pending: step.pending,
        code: codeNow(secret),
        ip: '10.32.0.2',
        userAgent: safari,
      });
      expect(done.ok).toBe(true);
      expect(await mails()).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('counts for the tenant setting: an employee with a passkey is not led into TOTP setup', async () => {
    const e = await makeEmployee(db, a.tenant.id, 'quirin');
    expect(mustSetUpFactor(e, { requireEmployeeMfa: true }, await hasSecondFactor(db, a.tenant.id, e.id))).toBe(true);
    await enrolPasskey(a.tenant.id, e.id, rpA);
    expect(mustSetUpFactor(e, { requireEmployeeMfa: true }, await hasSecondFactor(db, a.tenant.id, e.id))).toBe(false);
  });
});

describe('Mein Zugang: rename and remove', () => {
  it("renames and removes one's own passkey (removal needs the password), never another account's", async () => {
    const e = await makeEmployee(db, a.tenant.id, 'romy');
    const { key, saved } = await enrolPasskey(a.tenant.id, e.id, rpA);
    const mine = await ctxFor(db, a.tenant.id, e.id);
    const other = await ctxFor(db, a.tenant.id, a.admin.id);
    await expect(renamePasskey(other, { id: saved.id, name: 'Fremd' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(removePasskey(other, { id: saved.id, password: PASSWORD })).rejects.toMatchObject({
      code: 'not_found',
    });
    const otherTenant = await ctxFor(db, b.tenant.id, b.admin.id);
    await expect(removePasskey(otherTenant, { id: saved.id, password: PASSWORD })).rejects.toMatchObject({
      code: 'not_found',
    });
    await renamePasskey(mine, { id: saved.id, name: '  Büro   Laptop ' });
    expect((await myPasskeys(mine))[0]!.name).toBe('Büro Laptop');
    expect(await actions(e.id, 'auth.passkey_renamed')).toHaveLength(1);

    // Held to a second factor by the tenant: the last factor stays.
    const [strict] = await db
      .update(tenants)
      .set({ requireEmployeeMfa: true })
      .where(eq(tenants.id, a.tenant.id))
      .returning();
    const held = await ctxFor(db, strict!, e.id);
    await expect(removePasskey(held, { id: saved.id, password: PASSWORD })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await db.update(tenants).set({ requireEmployeeMfa: false }).where(eq(tenants.id, a.tenant.id));

    await expect(removePasskey(mine, { id: saved.id, password: 'falsch' })).rejects.toMatchObject({
      field: 'password',
    });
    await removePasskey(mine, { id: saved.id, password: PASSWORD });
    expect(await myPasskeys(mine)).toHaveLength(0);
    expect(await actions(e.id, 'auth.passkey_removed')).toHaveLength(1);
    expect((await loginWith(a.tenant.id, key, rpA)).result).toEqual({ ok: false, code: 'invalid' });
    expect(await hasSecondFactor(db, a.tenant.id, e.id)).toBe(false);
  });

  it('a passkey of a deleted account goes with it', async () => {
    const e = await makeEmployee(db, a.tenant.id, 'sven');
    await enrolPasskey(a.tenant.id, e.id, rpA);
    await db.delete(users).where(eq(users.id, e.id));
    expect(await db.select().from(passkeys).where(eq(passkeys.userId, e.id))).toHaveLength(0);
  });
});
