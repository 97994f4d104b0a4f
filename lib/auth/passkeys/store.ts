import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { passkeys, webauthnChallenges, type Passkey } from '../../db/schema';
import { challengePolicy } from './rp';

const hashOf = (raw: string) => createHash('sha256').update(raw).digest('hex');

export type ChallengePurpose = 'register' | 'login' | 'second';

/** A new random challenge (base64url) stored as its hash for 5 minutes; expired ones are swept on the way. */
export async function createChallenge(
  tx: Tx,
  input: { tenantId: string; purpose: ChallengePurpose; userId?: string | null; pending?: string | null },
): Promise<string> {
  const raw = randomBytes(32).toString('base64url');
  await tx.execute(sql`DELETE FROM webauthn_challenges WHERE expires_at < now() - interval '1 hour'`);
  await tx.insert(webauthnChallenges).values({
    challengeHash: hashOf(raw),
    tenantId: input.tenantId,
    userId: input.userId ?? null,
    purpose: input.purpose,
    pendingHash: input.pending ? hashOf(input.pending) : null,
    expiresAt: sql`now() + make_interval(secs => ${challengePolicy.ttlSeconds})`,
  });
  return raw;
}

/**
 * Uses a challenge up (atomically, once: of two requests with the same response only one gets it): it must be
 * of this tenant, for this purpose, live, and – when given – of this account and this pending login.
 * Returns the account it was made for (null for a sign-in with a passkey alone), or false.
 */
export async function consumeChallenge(
  tx: Tx,
  input: { tenantId: string; challenge: string; purpose: ChallengePurpose; userId?: string; pending?: string },
): Promise<{ userId: string | null } | false> {
  const rows = await tx
    .update(webauthnChallenges)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(webauthnChallenges.challengeHash, hashOf(input.challenge)),
        eq(webauthnChallenges.tenantId, input.tenantId),
        eq(webauthnChallenges.purpose, input.purpose),
        isNull(webauthnChallenges.usedAt),
        sql`${webauthnChallenges.expiresAt} > now()`,
        input.userId ? eq(webauthnChallenges.userId, input.userId) : undefined,
        input.pending ? eq(webauthnChallenges.pendingHash, hashOf(input.pending)) : undefined,
      ),
    )
    .returning({ userId: webauthnChallenges.userId });
  return rows[0] ?? false;
}

/** The challenge's bytes for the options (the library base64url-encodes them back to the stored string). */
export const challengeBytes = (raw: string) => new Uint8Array(Buffer.from(raw, 'base64url'));

/** The challenge a browser signed, read from its clientDataJSON (checked again by the verification). */
export function challengeOf(clientDataJSON: unknown): string | null {
  if (typeof clientDataJSON !== 'string' || clientDataJSON.length > 4096) return null;
  try {
    const data = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as { challenge?: unknown };
    return typeof data.challenge === 'string' && data.challenge.length <= 200 ? data.challenge : null;
  } catch {
    return null;
  }
}

export async function passkeysOf(tx: Tx, tenantId: string, userId: string): Promise<Passkey[]> {
  return tx
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.tenantId, tenantId), eq(passkeys.userId, userId)))
    .orderBy(asc(passkeys.createdAt));
}

/** A passkey of this tenant by the authenticator's credential id (another tenant's is never found). */
export async function passkeyByCredential(tx: Tx, tenantId: string, credentialId: string): Promise<Passkey | null> {
  if (!credentialId || credentialId.length > 1400) return null;
  const [row] = await tx
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.tenantId, tenantId), eq(passkeys.credentialId, credentialId)));
  return row ?? null;
}

/**
 * Records a use: the new signature counter and the time, only while the stored counter is still the one the
 * check saw (two requests with one assertion: one wins). False when the row moved on meanwhile.
 */
export async function recordUse(tx: Tx, key: Passkey, newCounter: number): Promise<boolean> {
  const rows = await tx
    .update(passkeys)
    .set({ counter: newCounter, lastUsedAt: sql`now()` })
    .where(and(eq(passkeys.tenantId, key.tenantId), eq(passkeys.id, key.id), eq(passkeys.counter, key.counter)))
    .returning({ id: passkeys.id });
  return rows.length === 1;
}

export async function passkeyCount(tx: Tx, tenantId: string, userId: string): Promise<number> {
  const rows = await tx.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM passkeys WHERE tenant_id = ${tenantId} AND user_id = ${userId}`,
  );
  return Number(rows[0]?.n ?? 0);
}
