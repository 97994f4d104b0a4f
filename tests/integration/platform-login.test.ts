/**
 * Issue 13, finding 12 (operator part): the operator's HTTP Basic login had no attempt limit, so the
 * password could be guessed at full speed (on the platform host and on /dev/mailbox). Failed attempts now
 * count per address in PostgreSQL: 10 in 10 minutes, then every attempt is refused unchecked (also the right
 * password: a refusal must not say whether the guess was right) until the window has passed.
 */
import { sql as raw } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/client';
import { mailboxLogin, operatorLogin, operatorLoginPolicy, operatorRefusal } from '../../lib/platform/login';
import { platformUser } from '../../lib/platform/auth';
import { testDb } from './db';

const password = 'betreiber-passwort-fuer-tests';
const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
const right = basic(platformUser, password);
const wrong = (n: number) => basic(platformUser, `falsch-${n}`);
/** A request as the proxy sees it: X-Forwarded-For is the one resolved client address (scripts/server.ts). */
const request = (ip: string, authorization?: string) =>
  new Headers({ 'x-forwarded-for': ip, ...(authorization ? { authorization } : {}) });

let db: Db;
const login = (ip: string, authorization?: string) => operatorLogin(request(ip, authorization), password, db);

beforeAll(async () => {
  ({ db } = await testDb());
});

describe('the operator login', () => {
  it('lets the right password in and refuses a wrong one', async () => {
    expect(await login('198.51.100.10', right)).toBe('ok');
    expect(await login('198.51.100.10', wrong(1))).toBe('denied');
    expect(await login('198.51.100.10', basic('admin', password))).toBe('denied');
  });

  it(`refuses the attempt after ${operatorLoginPolicy.maxFailures} failures from one address, even with the right password`, async () => {
    const ip = '198.51.100.11';
    for (let i = 0; i < operatorLoginPolicy.maxFailures; i++) expect(await login(ip, wrong(i))).toBe('denied');
    expect(await login(ip, wrong(99))).toBe('rate_limited');
    expect(await login(ip, right)).toBe('rate_limited');
    // Another address is not affected.
    expect(await login('198.51.100.12', right)).toBe('ok');
  });

  it('counts parallel guesses: never more than the limit are compared', async () => {
    const ip = '198.51.100.13';
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => login(ip, wrong(i))));
    expect(answers.filter((a) => a === 'denied')).toHaveLength(operatorLoginPolicy.maxFailures);
    expect(answers.filter((a) => a === 'rate_limited')).toHaveLength(25 - operatorLoginPolicy.maxFailures);
  });

  it('opens again once the window has passed', async () => {
    const ip = '198.51.100.14';
    for (let i = 0; i <= operatorLoginPolicy.maxFailures; i++) await login(ip, wrong(i));
    expect(await login(ip, right)).toBe('rate_limited');
    await db.execute(
      raw`UPDATE auth_throttle SET window_start = now() - make_interval(secs => ${operatorLoginPolicy.windowSeconds + 1}) WHERE key LIKE ${'%' + ip}`,
    );
    expect(await login(ip, right)).toBe('ok');
  });

  it("does not count the browser's first request without credentials, nor the operator's own successful ones", async () => {
    const ip = '198.51.100.15';
    for (let i = 0; i < 30; i++) expect(await login(ip)).toBe('denied');
    for (let i = 0; i < 30; i++) expect(await login(ip, right)).toBe('ok');
    for (let i = 0; i < operatorLoginPolicy.maxFailures; i++) expect(await login(ip, wrong(i))).toBe('denied');
    expect(await login(ip, wrong(99))).toBe('rate_limited');
  });

  it('refuses everything while no operator password is configured', async () => {
    expect(await operatorLogin(request('198.51.100.16', right), undefined, db)).toBe('denied');
    expect(await operatorLogin(request('198.51.100.16', basic(platformUser, '')), '', db)).toBe('denied');
  });
});

describe('the local mailbox (same operator login)', () => {
  const config = (on: boolean) => ({ DEV_MAILBOX: on, PLATFORM_ADMIN_PASSWORD: password });

  it('does not exist where it is off, and counts nothing there', async () => {
    for (let i = 0; i < 20; i++)
      expect(await mailboxLogin(request('198.51.100.20', wrong(i)), config(false), db)).toBe('off');
    expect(await mailboxLogin(request('198.51.100.20', right), config(true), db)).toBe('ok');
  });

  it('shares the limit with the operator area', async () => {
    const ip = '198.51.100.21';
    for (let i = 0; i < operatorLoginPolicy.maxFailures; i++)
      expect(await mailboxLogin(request(ip, wrong(i)), config(true), db)).toBe('login');
    expect(await mailboxLogin(request(ip, right), config(true), db)).toBe('rate_limited');
    expect(await login(ip, right)).toBe('rate_limited');
  });
});

describe("the proxy's answers", () => {
  it('asks for the login (401 with the Basic challenge) or says to wait (429 with Retry-After), never which guess was close', () => {
    expect(operatorRefusal('denied', 'platform')).toMatchObject({
      status: 401,
      body: 'Anmeldung für den Betreiber-Bereich erforderlich.',
    });
    expect(operatorRefusal('denied', 'platform').headers).toMatchObject({
      'www-authenticate': expect.stringMatching(/^Basic realm=/),
    });
    expect(operatorRefusal('denied', 'mailbox')).toMatchObject({
      status: 401,
      body: 'Das lokale Postfach ist nur mit der Betreiber-Anmeldung erreichbar.',
    });
    const limited = operatorRefusal('rate_limited', 'platform');
    expect(limited).toMatchObject({
      status: 429,
      headers: { 'retry-after': String(operatorLoginPolicy.windowSeconds) },
    });
    expect(limited.headers).not.toHaveProperty('www-authenticate');
    expect(limited.body).toMatch(/10 Minuten/);
  });
});
