import { z } from 'zod';
import { audit } from '../audit';
import { withTransaction, type PublicCtx } from '../ctx';
import type { User } from '../db/schema';
import { accountByLogin } from './account';
import { createPendingLogin } from './factors/second-step';
import { hasSecondFactor } from './factors/store';
import { verifyPassword } from './password';
import { noticeNewDevice } from './new-device';
import { createSession } from './sessions';
import { ipKey, loginKey, loginSucceeded, reserveLoginAttempt } from './throttle';

export const loginSchema = z.object({
  login: z.string().trim().min(1, 'signin.login.missingLogin').max(254),
  password: z.string().min(1, 'signin.login.missingPassword').max(1024),
});
export type LoginInput = z.output<typeof loginSchema>;

/** Where the attempt comes from (throttling per address, the session row, the audit log). */
export interface ClientInfo {
  ip: string;
  userAgent?: string | null;
}

/**
 * The answer for Auth.js's authorize (lib/auth/auth.ts), which needs a value, not an exception: the codes
 * are the ErrorCode union's; the sign-in action turns them into DomainErrors with the signin messages.
 */
export type LoginResult =
  | { ok: true; sessionId: string; user: User }
  | { ok: false; code: 'second_factor'; pending: string }
  | { ok: false; code: 'invalid' }
  | { ok: false; code: 'rate_limited'; retryAfterSeconds: number };

/**
 * LOGIN for the host's tenant. The same answer (and one argon2 run) whether or not the account
 * exists; throttled per account and per IP in PostgreSQL. The attempt is reserved before the password
 * is checked, so parallel guesses cannot all pass one open check. Successful logins create a session row –
 * or, for an account with a second factor, a pending login that lib/auth/factors/second-step.ts completes.
 */
export async function attemptLogin(ctx: PublicCtx, input: LoginInput & ClientInfo): Promise<LoginResult> {
  const tenantId = ctx.tenant.id;
  const user = await accountByLogin(ctx, input.login);
  const acct = loginKey(tenantId, input.login.trim().toLowerCase(), user);
  const ip = ipKey(input.ip);

  const wait = await reserveLoginAttempt(ctx.db, acct, ip);
  if (wait > 0) {
    await audit(ctx.db, {
      tenantId,
      actorType: 'anonymous',
      action: 'auth.login.throttled',
      ip: input.ip,
      meta: { retryAfterSeconds: wait },
    });
    return { ok: false, code: 'rate_limited', retryAfterSeconds: wait };
  }

  const passwordOk = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !passwordOk || user.status !== 'active') {
    // The reservation already counted this failure.
    await audit(ctx.db, {
      tenantId,
      actorType: 'anonymous',
      action: 'auth.login.failed',
      targetType: user ? 'user' : undefined,
      targetId: user?.id,
      ip: input.ip,
    });
    return { ok: false, code: 'invalid' };
  }

  return withTransaction(ctx, async ({ db: tx }): Promise<LoginResult> => {
    await loginSucceeded(tx, acct, ip);
    // With a second factor the password alone makes no session: a pending login waits for the code.
    if (await hasSecondFactor(tx, tenantId, user.id)) {
      const pending = await createPendingLogin(tx, tenantId, user.id);
      await audit(tx, {
        tenantId,
        actorType: 'user',
        actorId: user.id,
        action: 'auth.login.password_ok',
        targetType: 'user',
        targetId: user.id,
        ip: input.ip,
      });
      return { ok: false, code: 'second_factor', pending };
    }
    const sessionId = await createSession(tx, { tenantId, userId: user.id, ip: input.ip, userAgent: input.userAgent });
    await audit(tx, {
      tenantId,
      actorType: 'user',
      actorId: user.id,
      action: 'auth.login.succeeded',
      targetType: 'user',
      targetId: user.id,
      ip: input.ip,
    });
    await noticeNewDevice(tx, ctx.tenant, user, sessionId);
    return { ok: true, sessionId, user };
  });
}
