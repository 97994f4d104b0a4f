import { releaseHit, reserveHit } from '../auth/throttle';
import { db, type Tx } from '../db/client';
import words from '../../messages/de/platform.json';
import { clientIp } from '../tenant/request-ip';
import { checkPlatformAuth, platformChallenge } from './auth';

/** At most 10 failed operator logins per address in 10 minutes (issue 13, finding 12). */
export const operatorLoginPolicy = { maxFailures: 10, windowSeconds: 600 } as const;

export type OperatorLogin = 'ok' | 'denied' | 'rate_limited';

const keyOf = (ip: string) => `operator-ip:${ip}`;

/**
 * The operator's HTTP Basic login with an attempt limit per address, counted in PostgreSQL. Each attempt
 * that carries credentials is reserved before the password is compared (one atomic upsert), so parallel
 * guesses cannot pass the limit; once it is reached every attempt is refused unchecked, the right password
 * too, so a refusal never tells a guess apart. The right password gives its reservation back: the
 * operator's own requests never use up attempts. Requests without credentials (a browser's first request,
 * before it shows the login dialog) count nothing.
 */
export async function operatorLogin(
  headers: Headers,
  password: string | undefined,
  database: Tx = db(),
): Promise<OperatorLogin> {
  const authorization = headers.get('authorization');
  if (!password || !authorization?.startsWith('Basic ')) return 'denied';
  const key = keyOf(clientIp(headers));
  const attempt = await reserveHit(database, key, operatorLoginPolicy.windowSeconds, operatorLoginPolicy.maxFailures);
  if (attempt === null) return 'rate_limited';
  if (!checkPlatformAuth(authorization, password)) return 'denied';
  await releaseHit(database, key);
  return 'ok';
}

/** The local mailbox: off unless DEV_MAILBOX, else the operator login with the same limit. */
export async function mailboxLogin(
  headers: Headers,
  config: { DEV_MAILBOX: boolean; PLATFORM_ADMIN_PASSWORD?: string },
  database: Tx = db(),
): Promise<'off' | 'login' | 'ok' | 'rate_limited'> {
  if (!config.DEV_MAILBOX) return 'off';
  const login = await operatorLogin(headers, config.PLATFORM_ADMIN_PASSWORD, database);
  return login === 'denied' ? 'login' : login;
}

/**
 * The proxy's answer to a refused operator login: plain German text as before (the proxy knows no reader's
 * language), read from the catalog file itself so the proxy needs no translator.
 */
export function operatorRefusal(result: 'denied' | 'rate_limited', area: 'platform' | 'mailbox') {
  const text = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };
  if (result === 'rate_limited') {
    return {
      body: words.login.rateLimited,
      status: 429,
      headers: { ...text, 'retry-after': String(operatorLoginPolicy.windowSeconds) },
    };
  }
  const body = area === 'platform' ? words.login.required : words.login.mailbox;
  return { body, status: 401, headers: { ...platformChallenge, ...text } };
}
