import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client';

/**
 * Login throttling in PostgreSQL, so it holds across app instances (R-A6):
 * per account: from the 5th failure within an hour a delay that doubles from 1 s up to 15 min;
 * per IP: more than 30 failures within 10 minutes block that address for the rest of the window.
 * Keys are built from the typed login, so the answer is the same whether the account exists or not.
 */
export const throttlePolicy = {
  account: { windowSeconds: 3600, freeFailures: 4, maxDelaySeconds: 900 },
  ip: { windowSeconds: 600, maxFailures: 30 },
} as const;

export function accountKey(tenantId: string, login: string): string {
  return `acct:${tenantId}:${login.trim().toLowerCase()}`;
}

export function ipKey(ip: string): string {
  return `ip:${ip}`;
}

/** Seconds until a new attempt is allowed (0 = go ahead). */
export async function throttleWait(tx: Tx, keys: string[]): Promise<number> {
  const rows = await tx.execute<{ wait: number | null }>(sql`
    SELECT ceil(extract(epoch FROM max(blocked_until) - now()))::int AS wait
    FROM auth_throttle WHERE key IN (${sql.join(keys.map((k) => sql`${k}`), sql`, `)}) AND blocked_until > now()`);
  return Math.max(0, Number(rows[0]?.wait ?? 0));
}

export async function recordFailure(tx: Tx, account: string, ip: string): Promise<void> {
  const a = throttlePolicy.account;
  const i = throttlePolicy.ip;
  await tx.execute(sql`
    INSERT INTO auth_throttle AS t (key, failures, window_start, blocked_until)
    VALUES (${account}, 1, now(), NULL)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.window_start < now() - make_interval(secs => ${a.windowSeconds}) THEN 1 ELSE t.failures + 1 END,
      window_start = CASE WHEN t.window_start < now() - make_interval(secs => ${a.windowSeconds}) THEN now() ELSE t.window_start END,
      blocked_until = CASE
        WHEN t.window_start < now() - make_interval(secs => ${a.windowSeconds}) THEN NULL
        WHEN t.failures + 1 > ${a.freeFailures}
          THEN now() + make_interval(secs => least(power(2, t.failures - ${a.freeFailures})::int, ${a.maxDelaySeconds}))
        ELSE NULL END`);
  await tx.execute(sql`
    INSERT INTO auth_throttle AS t (key, failures, window_start, blocked_until)
    VALUES (${ip}, 1, now(), NULL)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.window_start < now() - make_interval(secs => ${i.windowSeconds}) THEN 1 ELSE t.failures + 1 END,
      window_start = CASE WHEN t.window_start < now() - make_interval(secs => ${i.windowSeconds}) THEN now() ELSE t.window_start END,
      blocked_until = CASE
        WHEN t.window_start < now() - make_interval(secs => ${i.windowSeconds}) THEN NULL
        WHEN t.failures + 1 >= ${i.maxFailures} THEN t.window_start + make_interval(secs => ${i.windowSeconds})
        ELSE NULL END`);
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

/** True while the key has more than `max` hits in its current window (without counting a new one). */
export async function isOverLimit(tx: Tx, key: string, windowSeconds: number, max: number): Promise<boolean> {
  const rows = await tx.execute<{ n: number }>(sql`
    SELECT failures AS n FROM auth_throttle WHERE key = ${key} AND window_start >= now() - make_interval(secs => ${windowSeconds})`);
  return Number(rows[0]?.n ?? 0) >= max;
}
