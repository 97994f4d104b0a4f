import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { PublicCtx } from '../ctx';
import type { Tx } from '../db/client';
import { accountTokens, users } from '../db/schema';

/** R-A1: 256 random bits, only the hash stored, single use; invitations 72 h, resets 60 min. */
export const tokenPolicy = {
  inviteHours: 72,
  resetMinutes: 60,
  maxPinFailures: 5,
  pinFailuresPerIpPerHour: 20,
  /** Across all links of one account: after that many wrong PINs every link is refused for the window. */
  pinFailuresPerAccount: 10,
  pinAccountWindowHours: 24,
} as const;

export function hashToken(raw: string): string {
  return createHash('sha256').update(raw).digest('hex');
}

/** A new link for the account; every older unused link of that account stops working. */
export async function issueToken(
  tx: Tx,
  input: { tenantId: string; userId: string; purpose: 'invite' | 'reset' },
): Promise<string> {
  await tx
    .update(accountTokens)
    .set({ supersededAt: sql`now()` })
    .where(
      and(
        eq(accountTokens.tenantId, input.tenantId),
        eq(accountTokens.userId, input.userId),
        isNull(accountTokens.usedAt),
        isNull(accountTokens.supersededAt),
      ),
    );
  const raw = randomBytes(32).toString('base64url');
  const ttl =
    input.purpose === 'invite'
      ? sql`now() + make_interval(hours => ${tokenPolicy.inviteHours})`
      : sql`now() + make_interval(mins => ${tokenPolicy.resetMinutes})`;
  await tx.insert(accountTokens).values({
    tokenHash: hashToken(raw),
    tenantId: input.tenantId,
    userId: input.userId,
    purpose: input.purpose,
    expiresAt: ttl,
  });
  return raw;
}

export type TokenState = 'valid' | 'expired' | 'used' | 'burned' | 'superseded' | 'unknown';

export interface TokenInfo {
  state: TokenState;
  purpose?: 'invite' | 'reset';
  user?: {
    id: string;
    firstName: string;
    lastName: string;
    username: string;
    email: string;
    birthDate: string | null;
    kind: 'employee' | 'client';
    status: string;
    locale: 'de' | 'en' | null;
  };
  pinFailures?: number;
}

/** Reads a link's state without consuming anything (mail scanners prefetch links: R-A3). */
export async function inspectToken(tx: Tx, tenantId: string, raw: string): Promise<TokenInfo> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(raw)) return { state: 'unknown' };
  const [row] = await tx
    .select({
      purpose: accountTokens.purpose,
      usedAt: accountTokens.usedAt,
      supersededAt: accountTokens.supersededAt,
      pinFailures: accountTokens.pinFailures,
      expired: sql<boolean>`${accountTokens.expiresAt} <= now()`,
      user: {
        id: users.id,
        firstName: users.firstName,
        lastName: users.lastName,
        username: users.username,
        email: users.email,
        birthDate: users.birthDate,
        kind: users.kind,
        status: users.status,
        locale: users.locale,
      },
    })
    .from(accountTokens)
    .innerJoin(users, and(eq(users.tenantId, accountTokens.tenantId), eq(users.id, accountTokens.userId)))
    .where(and(eq(accountTokens.tokenHash, hashToken(raw)), eq(accountTokens.tenantId, tenantId)))
    .limit(1);
  if (!row) return { state: 'unknown' };
  const state: TokenState = row.usedAt
    ? 'used'
    : row.pinFailures >= tokenPolicy.maxPinFailures
      ? 'burned'
      : row.supersededAt
        ? 'superseded'
        : row.expired || row.user.status === 'locked'
          ? 'expired'
          : 'valid';
  return { state, purpose: row.purpose, user: row.user, pinFailures: row.pinFailures };
}

/**
 * The link pages (PASSWORTVERGABE, reset) read a link's state for the host's tenant; reading never consumes
 * the link. Works with a public or a signed-in context.
 */
export function inspectLink(ctx: Pick<PublicCtx, 'db' | 'tenant'>, raw: string): Promise<TokenInfo> {
  return inspectToken(ctx.db, ctx.tenant.id, raw);
}

/**
 * Reserves one PIN comparison on the link before the PIN is compared: the counter goes up only while the link
 * is open and has fewer than 5 counted attempts, in one statement, so parallel guesses cannot all be compared.
 * Returns the attempt's number (1–5), or null when the link is used, superseded, expired or burned.
 */
export async function reservePinAttempt(tx: Tx, tenantId: string, raw: string): Promise<number | null> {
  const rows = await tx
    .update(accountTokens)
    .set({ pinFailures: sql`${accountTokens.pinFailures} + 1` })
    .where(
      and(
        eq(accountTokens.tokenHash, hashToken(raw)),
        eq(accountTokens.tenantId, tenantId),
        isNull(accountTokens.usedAt),
        isNull(accountTokens.supersededAt),
        sql`${accountTokens.expiresAt} > now()`,
        sql`${accountTokens.pinFailures} < ${tokenPolicy.maxPinFailures}`,
      ),
    )
    .returning({ pinFailures: accountTokens.pinFailures });
  return rows[0]?.pinFailures ?? null;
}

/** Marks the link used (after a reserved attempt with the right PIN); true for exactly one caller, however many try at once. */
export async function consumeToken(
  tx: Tx,
  tenantId: string,
  raw: string,
): Promise<{ userId: string; purpose: 'invite' | 'reset' } | null> {
  const rows = await tx
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(accountTokens.tokenHash, hashToken(raw)),
        eq(accountTokens.tenantId, tenantId),
        isNull(accountTokens.usedAt),
        isNull(accountTokens.supersededAt),
        sql`${accountTokens.expiresAt} > now()`,
        // The right PIN's own reservation is among the counted attempts (it may have been the 5th).
        sql`${accountTokens.pinFailures} <= ${tokenPolicy.maxPinFailures}`,
      ),
    )
    .returning({ userId: accountTokens.userId, purpose: accountTokens.purpose });
  return rows[0] ?? null;
}

/** For the advisor: state of the newest link of an account ("Link gesperrt" after 5 wrong PINs). */
export async function latestLinkState(
  tx: Tx,
  tenantId: string,
  userId: string,
): Promise<'none' | 'open' | 'burned' | 'expired' | 'used'> {
  const [row] = await tx
    .select({
      usedAt: accountTokens.usedAt,
      pinFailures: accountTokens.pinFailures,
      expired: sql<boolean>`${accountTokens.expiresAt} <= now()`,
      supersededAt: accountTokens.supersededAt,
    })
    .from(accountTokens)
    .where(and(eq(accountTokens.tenantId, tenantId), eq(accountTokens.userId, userId)))
    .orderBy(sql`${accountTokens.createdAt} DESC`)
    .limit(1);
  if (!row) return 'none';
  if (row.usedAt) return 'used';
  if (row.pinFailures >= tokenPolicy.maxPinFailures) return 'burned';
  if (row.expired) return 'expired';
  return 'open';
}
