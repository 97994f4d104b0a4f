import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client';

/**
 * Login throttling in PostgreSQL, so it holds across app instances (R-A6):
 * per account: from the 5th failure within an hour a delay that doubles from 1 s up to 15 min;
 * per IP: more than 30 failures within 10 minutes block that address for the rest of the window.
 * An attempt is reserved (counted) before the password is checked, so parallel requests cannot all slip
 * through one open check. The account key is the resolved account (its username and e-mail count as one);
 * an unknown login keeps a key by the typed login, so the answer is the same whether the account exists.
 */
export const throttlePolicy = {
  account: { windowSeconds: 3600, freeFailures: 4, maxDelaySeconds: 900 },
  ip: { windowSeconds: 600, maxFailures: 30 },
} as const;

export function accountKey(tenantId: string, login: string): string {
  return `acct:${tenantId}:${login.trim().toLowerCase()}`;
}

/**
 * The key of a login: the account's e-mail when the login names an account (by username or e-mail – the key
 * KONTAKT LÖSCHEN removes), else the typed login.
 */
export function loginKey(tenantId: string, typed: string, account?: { email: string } | null): string {
  return accountKey(tenantId, account ? account.email : typed);
}

export function ipKey(ip: string): string {
  return `ip:${ip}`;
}

/** Seconds until a new attempt is allowed (0 = go ahead). */
export async function throttleWait(tx: Tx, keys: string[]): Promise<number> {
  const rows = await tx.execute<{ wait: number | null }>(sql`
    SELECT ceil(extract(epoch FROM max(blocked_until) - now()))::int AS wait
    FROM auth_throttle WHERE key IN (${sql.join(
      keys.map((k) => sql`${k}`),
      sql`, `,
    )}) AND blocked_until > now()`);
  return Math.max(0, Number(rows[0]?.wait ?? 0));
}

/** Thrown inside the reservation transaction to undo the account reservation when the IP is refused. */
class Refused extends Error {}

/**
 * One atomic upsert that counts an attempt for a key with the account policy (from the 5th failure within
 * the window a delay that doubles from 1 s up to 15 min), only while the key is not blocked. False when
 * the key is blocked (nothing counted).
 */
async function reserveDelayed(tx: Tx, key: string): Promise<boolean> {
  const a = throttlePolicy.account;
  const rows = await tx.execute(sql`
    INSERT INTO auth_throttle AS t (key, failures, window_start, blocked_until)
    VALUES (${key}, 1, now(), NULL)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.window_start < now() - make_interval(secs => ${a.windowSeconds}) THEN 1 ELSE t.failures + 1 END,
      window_start = CASE WHEN t.window_start < now() - make_interval(secs => ${a.windowSeconds}) THEN now() ELSE t.window_start END,
      blocked_until = CASE
        WHEN t.window_start < now() - make_interval(secs => ${a.windowSeconds}) THEN NULL
        WHEN t.failures + 1 > ${a.freeFailures}
          THEN now() + make_interval(secs => least(power(2, t.failures - ${a.freeFailures})::int, ${a.maxDelaySeconds}))
        ELSE NULL END
    WHERE t.blocked_until IS NULL OR t.blocked_until <= now()
    RETURNING failures`);
  return rows.length > 0;
}

/**
 * Reserves one login attempt for the account and the IP, each in one atomic upsert that counts the attempt
 * and sets the next delay, and only while the key is not blocked. Returns 0 when the attempt may go on
 * (it already counts as a failure until `loginSucceeded`), else the seconds to wait; a refused attempt
 * counts nowhere.
 */
export async function reserveLoginAttempt(database: Tx, account: string, ip: string): Promise<number> {
  const i = throttlePolicy.ip;
  try {
    await database.transaction(async (tx) => {
      if (!(await reserveDelayed(tx, account))) throw new Refused();
      const byIp = await tx.execute(sql`
        INSERT INTO auth_throttle AS t (key, failures, window_start, blocked_until)
        VALUES (${ip}, 1, now(), NULL)
        ON CONFLICT (key) DO UPDATE SET
          failures = CASE WHEN t.window_start < now() - make_interval(secs => ${i.windowSeconds}) THEN 1 ELSE t.failures + 1 END,
          window_start = CASE WHEN t.window_start < now() - make_interval(secs => ${i.windowSeconds}) THEN now() ELSE t.window_start END,
          blocked_until = CASE
            WHEN t.window_start < now() - make_interval(secs => ${i.windowSeconds}) THEN NULL
            WHEN t.failures + 1 >= ${i.maxFailures} THEN t.window_start + make_interval(secs => ${i.windowSeconds})
            ELSE NULL END
        WHERE t.blocked_until IS NULL OR t.blocked_until <= now()
        RETURNING failures`);
      if (byIp.length === 0) throw new Refused();
    });
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    return Math.max(1, await throttleWait(database, [account, ip]));
  }
  return 0;
}

/**
 * The same reservation for one account alone (the current password in "Passwort ändern": the caller is
 * signed in, so only the account counts). 0 = go ahead (counted until `clearAccount`), else seconds to wait.
 */
export async function reserveAccountAttempt(tx: Tx, key: string): Promise<number> {
  if (await reserveDelayed(tx, key)) return 0;
  return Math.max(1, await throttleWait(tx, [key]));
}

/** The counter of wrong current passwords in "Passwort ändern" (one account, by its id). */
export function passwordChangeKey(tenantId: string, userId: string): string {
  return `pw-change:${tenantId}:${userId}`;
}

/** The counter of wrong codes of one account (login step two, "Mein Zugang"); the password policy. */
export function codeKey(tenantId: string, userId: string): string {
  return `code:${tenantId}:${userId}`;
}

/** A successful login: the account starts afresh, and the reserved attempt no longer counts for the IP. */
export async function loginSucceeded(tx: Tx, account: string, ip: string): Promise<void> {
  await clearAccount(tx, account);
  // An address without failures keeps no row (it would outlive a deleted contact's data).
  await tx.execute(sql`DELETE FROM auth_throttle WHERE key = ${ip} AND failures <= 1`);
  await tx.execute(sql`
    UPDATE auth_throttle SET
      failures = greatest(failures - 1, 0),
      blocked_until = CASE WHEN failures - 1 >= ${throttlePolicy.ip.maxFailures} THEN blocked_until ELSE NULL END
    WHERE key = ${ip}`);
}

export async function clearAccount(tx: Tx, account: string): Promise<void> {
  await tx.execute(sql`DELETE FROM auth_throttle WHERE key = ${account}`);
}

/**
 * A fixed-window counter: records one hit for the key and returns true while the key has reached
 * `max` hits inside the window (used for PIN failures and reset requests per IP).
 */
export async function countHit(tx: Tx, key: string, windowSeconds: number, max: number): Promise<boolean> {
  const rows = await tx.execute<{ failures: number }>(sql`
    INSERT INTO auth_throttle AS t (key, failures, window_start)
    VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.window_start < now() - make_interval(secs => ${windowSeconds}) THEN 1 ELSE t.failures + 1 END,
      window_start = CASE WHEN t.window_start < now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE t.window_start END
    RETURNING failures`);
  return Number(rows[0]?.failures ?? 0) > max;
}

/**
 * Reserves one hit of a fixed-window counter before the guarded work runs: one atomic upsert that counts
 * the hit only while the key has fewer than `max` hits in its window. Returns the new count, or null when
 * the limit is reached (nothing counted). `releaseHit` gives a reservation back (e.g. after a right PIN).
 */
export async function reserveHit(tx: Tx, key: string, windowSeconds: number, max: number): Promise<number | null> {
  const rows = await tx.execute<{ failures: number }>(sql`
    INSERT INTO auth_throttle AS t (key, failures, window_start)
    VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.window_start < now() - make_interval(secs => ${windowSeconds}) THEN 1 ELSE t.failures + 1 END,
      window_start = CASE WHEN t.window_start < now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE t.window_start END
    WHERE t.window_start < now() - make_interval(secs => ${windowSeconds}) OR t.failures < ${max}
    RETURNING failures`);
  return rows[0] ? Number(rows[0].failures) : null;
}

export async function releaseHit(tx: Tx, key: string): Promise<void> {
  await tx.execute(sql`DELETE FROM auth_throttle WHERE key = ${key} AND failures <= 1`);
  await tx.execute(sql`UPDATE auth_throttle SET failures = failures - 1 WHERE key = ${key}`);
}

/** The counter of PIN failures of one account across all its links (invitation and resets). */
export function pinAccountKey(tenantId: string, userId: string): string {
  return `pin-acct:${tenantId}:${userId}`;
}

/** True while the key has more than `max` hits in its current window (without counting a new one). */
export async function isOverLimit(tx: Tx, key: string, windowSeconds: number, max: number): Promise<boolean> {
  const rows = await tx.execute<{ n: number }>(sql`
    SELECT failures AS n FROM auth_throttle WHERE key = ${key} AND window_start >= now() - make_interval(secs => ${windowSeconds})`);
  return Number(rows[0]?.n ?? 0) >= max;
}
