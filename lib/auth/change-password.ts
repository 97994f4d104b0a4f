import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit';
import { withTransaction, type Ctx } from '../ctx';
import { users } from '../db/schema';
import { DomainError } from '../errors';
import { hashPassword, verifyPassword } from './password';
import { checkPassword, weakPassword } from './password-policy';
import { revokeOtherSessions, revokeUserSessions } from './sessions';
import { clearAccount, passwordChangeKey, reserveAccountAttempt } from './throttle';

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'signin.change.currentMissing').max(1024),
    password: z.string().min(1, 'signin.change.newMissing').max(1024),
    passwordRepeat: z.string().max(1024),
  })
  .refine((v) => v.password === v.passwordRepeat, {
    path: ['passwordRepeat'],
    message: 'signin.change.passwordsDiffer',
  });
export type ChangePasswordInput = z.output<typeof changePasswordSchema>;

/**
 * Passwort ändern (one's own password): the old one is checked, the rules apply, every other session ends.
 * Wrong current passwords are limited per account exactly like the login (issue 13, finding 12): each check is
 * reserved first in one atomic upsert (lib/auth/throttle.ts), from the 5th failure within an hour a delay
 * doubles from 1 s up to 15 min, so a taken-over session cannot guess the password; the right one clears it.
 */
export async function changePassword(ctx: Ctx, input: ChangePasswordInput): Promise<void> {
  const { tenant, actor } = ctx;
  const key = passwordChangeKey(tenant.id, actor.id);
  const wait = await reserveAccountAttempt(ctx.db, key);
  if (wait > 0) {
    await audit(ctx.db, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: actor.id,
      action: 'auth.password.throttled',
      targetType: 'user',
      targetId: actor.id,
      meta: { retryAfterSeconds: wait },
    });
    throw new DomainError('rate_limited', 'signin.change.throttled', {
      values: { seconds: wait },
      detail: { retryAfterSeconds: wait },
    });
  }
  const [user] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, tenant.id), eq(users.id, actor.id)));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    // The reservation already counted this failure.
    await audit(ctx.db, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: actor.id,
      action: 'auth.password.failed',
      targetType: 'user',
      targetId: actor.id,
    });
    throw new DomainError('invalid', 'signin.change.wrongCurrent', {
      field: 'currentPassword',
      detail: { reason: 'wrong_password' },
    });
  }
  // The right current password is no failure, whatever the new one is.
  await clearAccount(ctx.db, key);
  const problem = checkPassword(input.password, { ...user, tenantName: tenant.name });
  if (problem) throw weakPassword(problem);
  const passwordHash = await hashPassword(input.password);
  await withTransaction(ctx, async ({ db: tx }) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(users.tenantId, tenant.id), eq(users.id, user.id)));
    // Without a session of its own (a context not built from a request), no session is kept.
    const ended = ctx.sessionId
      ? await revokeOtherSessions(tx, tenant.id, user.id, ctx.sessionId)
      : await revokeUserSessions(tx, tenant.id, user.id);
    await audit(tx, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: user.id,
      action: 'auth.password.changed',
      targetType: 'user',
      targetId: user.id,
      meta: { otherSessionsEnded: ended },
    });
  });
}
