import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../../audit';
import { withTransaction, type PublicCtx } from '../../ctx';
import type { Tx } from '../../db/client';
import { pendingLogins, users, type User } from '../../db/schema';
import type { ClientInfo } from '../login';
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

export type SecondStepResult =
  | { ok: true; sessionId: string; user: User; recovery: boolean }
  | { ok: false; code: 'invalid' | 'expired' }
  | { ok: false; code: 'rate_limited'; retryAfterSeconds: number };

/**
 * Login step two: the code of the authenticator app (6 digits) or a recovery code. Each try is reserved in
 * the account's counter first (like passwords: from the 5th failure a doubling delay up to 15 min), a TOTP
 * code counts only for a time step after the last accepted one, a recovery code once; only then is the
 * pending login used up (atomically, once) and the session created.
 */
export async function completeSecondStep(
  ctx: PublicCtx,
  input: { pending: string; code: string } & ClientInfo,
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
  const typed = input.code.trim();
  const isTotp = /^\d{3}\s?\d{3}$/.test(typed);
  return withTransaction(ctx, async ({ db: tx }) => {
    const right = isTotp
      ? await consumeTotp(tx, tenantId, user.id, typed, true)
      : await consumeRecoveryCode(tx, tenantId, user.id, typed);
    if (!right) {
      await audit(tx, {
        ...who,
        action: 'auth.code.failed',
        ip: input.ip,
        meta: { kind: isTotp ? 'totp' : 'recovery' },
      });
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
    if (!isTotp) await audit(tx, { ...who, action: 'auth.recovery_used', ip: input.ip });
    await audit(tx, {
      ...who,
      action: 'auth.login.succeeded',
      ip: input.ip,
      meta: { factor: isTotp ? 'totp' : 'recovery' },
    });
    return { ok: true as const, sessionId, user, recovery: !isTotp };
  });
}
