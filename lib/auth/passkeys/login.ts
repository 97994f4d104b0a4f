import { generateAuthenticationOptions, type AuthenticationResponseJSON } from '@simplewebauthn/server';
import { and, eq } from 'drizzle-orm';
import type { PublicCtx } from '../../ctx';
import { audit } from '../../audit';
import { withTransaction } from '../../ctx';
import { users } from '../../db/schema';
import type { ClientInfo, LoginResult } from '../login';
import { noticeNewDevice } from '../new-device';
import { createSession } from '../sessions';
import { DomainError } from '../../errors';
import { ipKey, loginKey, loginSucceeded, reserveHit, reserveLoginAttempt } from '../throttle';
import { challengePolicy, type RelyingParty } from './rp';
import { challengeBytes, createChallenge, passkeyByCredential } from './store';
import { checkAssertion } from './verify';

/** Challenges for a sign-in without an account are rows anyone can make: 60 per address in 10 minutes. */
export const optionsPolicy = { windowSeconds: 600, max: 60 } as const;

/**
 * "Mit Passkey anmelden": options for a discoverable credential of this host (no account named, so the
 * browser offers the passkeys it holds for this relying party), user verification required.
 */
export async function passkeyLoginOptions(ctx: PublicCtx, input: { rp: RelyingParty; ip: string }) {
  const hits = await reserveHit(ctx.db, `passkey-options:${input.ip}`, optionsPolicy.windowSeconds, optionsPolicy.max);
  if (hits === null) throw new DomainError('rate_limited', 'signin.passkey.tooMany');
  const challenge = await createChallenge(ctx.db, { tenantId: ctx.tenant.id, purpose: 'login' });
  return generateAuthenticationOptions({
    rpID: input.rp.rpId,
    challenge: challengeBytes(challenge),
    userVerification: 'required',
    timeout: challengePolicy.timeoutMs,
  });
}

/**
 * Sign-in with a passkey alone: the passkey is both factors (possession and, by user verification, PIN or
 * biometrics). Throttled like passwords (per account and IP, reserved before the check); a right assertion
 * makes the session, audits, and sends the new-device mail.
 */
export async function attemptPasskeyLogin(
  ctx: PublicCtx,
  input: { response: AuthenticationResponseJSON; rp: RelyingParty } & ClientInfo,
): Promise<LoginResult> {
  const tenantId = ctx.tenant.id;
  const key = await passkeyByCredential(ctx.db, tenantId, input.response.id);
  const [user] = key
    ? await ctx.db
        .select()
        .from(users)
        .where(and(eq(users.tenantId, tenantId), eq(users.id, key.userId)))
    : [];
  const acct = user ? loginKey(tenantId, user.email, user) : `passkey:${tenantId}:${input.response.id.slice(0, 64)}`;
  const ip = ipKey(input.ip);
  const wait = await reserveLoginAttempt(ctx.db, acct, ip);
  if (wait > 0) {
    await audit(ctx.db, {
      tenantId,
      actorType: 'anonymous',
      action: 'auth.login.throttled',
      ip: input.ip,
      meta: { retryAfterSeconds: wait, method: 'passkey' },
    });
    return { ok: false, code: 'rate_limited', retryAfterSeconds: wait };
  }
  const check =
    user && user.status === 'active'
      ? await checkAssertion(ctx.db, {
          tenantId,
          response: input.response,
          rp: input.rp,
          purpose: 'login',
          requireUserVerification: true,
        })
      : ({ ok: false, reason: 'unknown' } as const);
  if (!check.ok || !user) {
    await audit(ctx.db, {
      tenantId,
      actorType: 'anonymous',
      action: 'auth.login.failed',
      targetType: user ? 'user' : undefined,
      targetId: user?.id,
      ip: input.ip,
      meta: { method: 'passkey', reason: check.ok ? 'unknown' : check.reason },
    });
    return { ok: false, code: 'invalid' };
  }
  return withTransaction(ctx, async ({ db: tx }): Promise<LoginResult> => {
    await loginSucceeded(tx, acct, ip);
    const sessionId = await createSession(tx, { tenantId, userId: user.id, ip: input.ip, userAgent: input.userAgent });
    await audit(tx, {
      tenantId,
      actorType: 'user',
      actorId: user.id,
      action: 'auth.login.succeeded',
      targetType: 'user',
      targetId: user.id,
      ip: input.ip,
      meta: { factor: 'passkey', passkeyId: check.passkey.id },
    });
    await noticeNewDevice(tx, ctx.tenant, user, sessionId);
    return { ok: true, sessionId, user };
  });
}
