import { createHash, randomBytes } from 'node:crypto';
import { generateAuthenticationOptions, type AuthenticationResponseJSON } from '@simplewebauthn/server';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../../audit';
import { withTransaction, type PublicCtx } from '../../ctx';
import type { Tx } from '../../db/client';
import { pendingLogins, users, type User } from '../../db/schema';
import type { ClientInfo } from '../login';
import { noticeNewDevice } from '../new-device';
import { challengePolicy, type RelyingParty } from '../passkeys/rp';
import { challengeBytes, createChallenge, passkeysOf } from '../passkeys/store';
import { checkAssertion } from '../passkeys/verify';
import { createSession } from '../sessions';
import { clearAccount, codeKey, reserveAccountAttempt } from '../throttle';
import { consumeRecoveryCode, consumeTotp } from './store';

/** The password was right, the second factor is still missing: 5 minutes, single use, no session yet. */
export const pendingPolicy = { ttlSeconds: 5 * 60 } as const;

export const secondStepSchema = z.object({
  code: z.string().trim().min(1, 'signin.code.missing').max(40),
});

const hashOf = (raw: string) => createHash('sha256').update(raw).digest('hex');

export async function createPendingLogin(tx: Tx, tenantId: string, userId: string): Promise<string> {
  const raw = randomBytes(32).toString('base64url');
  await tx.insert(pendingLogins).values({
    idHash: hashOf(raw),
    tenantId,
    userId,
    expiresAt: sql`now() + make_interval(secs => ${pendingPolicy.ttlSeconds})`,
  });
  return raw;
}

/** The account of a live pending login of this tenant, or null. */
export async function pendingAccount(tx: Tx, tenantId: string, raw: string): Promise<User | null> {
  const rows = await tx
    .select({ user: users })
    .from(pendingLogins)
    .innerJoin(users, and(eq(users.tenantId, pendingLogins.tenantId), eq(users.id, pendingLogins.userId)))
    .where(
      and(
        eq(pendingLogins.idHash, hashOf(raw)),
        eq(pendingLogins.tenantId, tenantId),
        isNull(pendingLogins.usedAt),
        sql`${pendingLogins.expiresAt} > now()`,
        eq(users.status, 'active'),
      ),
    );
  return rows[0]?.user ?? null;
}

/** What proves the second factor: a code (TOTP or recovery) or a passkey assertion for this relying party. */
export type SecondProof = { code: string } | { passkey: AuthenticationResponseJSON; rp: RelyingParty };

export type SecondStepResult =
  | { ok: true; sessionId: string; user: User; recovery: boolean }
  | { ok: false; code: 'invalid' | 'expired' }
  | { ok: false; code: 'rate_limited'; retryAfterSeconds: number };

/**
 * Login step two: the code of the authenticator app (6 digits), a recovery code, or a passkey. Each try is
 * reserved in the account's counter first (like passwords: from the 5th failure a doubling delay up to 15
 * min), a TOTP code counts only for a time step after the last accepted one, a recovery code once, a passkey
 * only with a challenge made for this pending login; only then is the pending login used up (atomically,
 * once), the session created and – the sign-in being complete – the new-device mail sent.
 */
export async function completeSecondStep(
  ctx: PublicCtx,
  input: { pending: string } & SecondProof & ClientInfo,
): Promise<SecondStepResult> {
  const tenantId = ctx.tenant.id;
  const user = await pendingAccount(ctx.db, tenantId, input.pending);
  if (!user) return { ok: false, code: 'expired' };
  const key = codeKey(tenantId, user.id);
  const wait = await reserveAccountAttempt(ctx.db, key);
  const who = { tenantId, actorType: 'user' as const, actorId: user.id, targetType: 'user', targetId: user.id };
  if (wait > 0) {
    await audit(ctx.db, { ...who, action: 'auth.code.throttled', ip: input.ip, meta: { retryAfterSeconds: wait } });
    return { ok: false, code: 'rate_limited', retryAfterSeconds: wait };
  }
  const typed = 'code' in input ? input.code.trim() : '';
  const kind = 'passkey' in input ? 'passkey' : /^\d{3}\s?\d{3}$/.test(typed) ? 'totp' : 'recovery';
  return withTransaction(ctx, async ({ db: tx }) => {
    const right =
      'passkey' in input
        ? (
            await checkAssertion(tx, {
              tenantId,
              response: input.passkey,
              rp: input.rp,
              purpose: 'second',
              userId: user.id,
              pending: input.pending,
              requireUserVerification: false,
            })
          ).ok
        : kind === 'totp'
          ? await consumeTotp(tx, tenantId, user.id, typed, true)
          : await consumeRecoveryCode(tx, tenantId, user.id, typed);
    if (!right) {
      await audit(tx, { ...who, action: 'auth.code.failed', ip: input.ip, meta: { kind } });
      return { ok: false as const, code: 'invalid' as const };
    }
    const used = await tx
      .update(pendingLogins)
      .set({ usedAt: sql`now()` })
      .where(and(eq(pendingLogins.idHash, hashOf(input.pending)), isNull(pendingLogins.usedAt)))
      .returning({ userId: pendingLogins.userId });
    if (used.length !== 1) return { ok: false as const, code: 'expired' as const };
    await clearAccount(tx, key);
    const sessionId = await createSession(tx, { tenantId, userId: user.id, ip: input.ip, userAgent: input.userAgent });
    if (kind === 'recovery') await audit(tx, { ...who, action: 'auth.recovery_used', ip: input.ip });
    await audit(tx, { ...who, action: 'auth.login.succeeded', ip: input.ip, meta: { factor: kind } });
    await noticeNewDevice(tx, ctx.tenant, user, sessionId);
    return { ok: true as const, sessionId, user, recovery: kind === 'recovery' };
  });
}

/**
 * Login step two with a passkey: options naming the pending account's passkeys, with a challenge bound to
 * this pending login (another browser's pending login cannot use it). Null when the pending login is gone or
 * the account has no passkey.
 */
export async function passkeySecondStepOptions(ctx: PublicCtx, input: { pending: string; rp: RelyingParty }) {
  const user = await pendingAccount(ctx.db, ctx.tenant.id, input.pending);
  if (!user) return null;
  const keys = await passkeysOf(ctx.db, ctx.tenant.id, user.id);
  if (keys.length === 0) return null;
  const challenge = await createChallenge(ctx.db, {
    tenantId: ctx.tenant.id,
    purpose: 'second',
    userId: user.id,
    pending: input.pending,
  });
  return generateAuthenticationOptions({
    rpID: input.rp.rpId,
    challenge: challengeBytes(challenge),
    userVerification: 'preferred',
    timeout: challengePolicy.timeoutMs,
    allowCredentials: keys.map((k) => ({ id: k.credentialId, transports: k.transports })),
  });
}
