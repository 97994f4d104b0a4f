import { sql } from 'drizzle-orm';
import { vi } from 'vitest';
import { noRights } from '../../lib/access/employee';
import { hashPassword } from '../../lib/auth/password';
import { confirmTotpSetup, startTotpSetup } from '../../lib/auth/factors/setup';
import { totpCode } from '../../lib/auth/factors/totp';
import type { Db } from '../../lib/db/client';
import { createAccount } from '../../lib/users/create';
import { ctxFor } from './ctx';
import { PASSWORD } from './fixtures';

let clock = Math.floor(Date.now() / 1000 / 30) * 30;

/** Moves the clock of the TOTP checks (Date only; PostgreSQL keeps its own) to the next 30-second step. */
export function nextStep(): number {
  clock += 30;
  vi.setSystemTime(new Date(clock * 1000 + 1000));
  return clock;
}

export function codeNow(secret: string): string {
  return totpCode(secret, clock + 1);
}

export async function makeEmployee(
  db: Db,
  tenantId: string,
  name: string,
  extra: { role?: 'admin' | 'employee' } = {},
) {
  return createAccount(db, {
    tenantId,
    kind: 'employee',
    role: extra.role ?? 'employee',
    email: `${name}@${tenantId.slice(0, 8)}.example`,
    firstName: name,
    lastName: 'Test',
    passwordHash: await hashPassword(PASSWORD),
    status: 'active',
    rights: { ...noRights, insurance: 'write' },
    scope: 'all',
  });
}

/** Sets up TOTP for the account through the verbs; returns the secret and the recovery codes. */
export async function enrol(db: Db, tenantId: string, userId: string) {
  const ctx = await ctxFor(db, tenantId, userId);
  const { secret } = await startTotpSetup(ctx);
  nextStep();
  const { recoveryCodes } = await confirmTotpSetup(ctx, { code: codeNow(secret) });
  return { secret, recoveryCodes };
}

export async function sessionCount(db: Db, userId: string): Promise<number> {
  const rows = await db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM sessions WHERE user_id = ${userId} AND revoked_at IS NULL`,
  );
  return rows[0]!.n;
}
