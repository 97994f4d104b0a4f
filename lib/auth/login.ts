import { and, eq, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { verifyPassword } from './password';
import { createSession, type SessionUser } from './sessions';
import { ipKey, loginKey, loginSucceeded, reserveLoginAttempt } from './throttle';

export const loginSchema = z.object({
  login: z.string().trim().min(1, 'Bitte geben Sie Ihren Benutzernamen oder Ihre E-Mail-Adresse ein.').max(254),
  password: z.string().min(1, 'Bitte geben Sie Ihr Passwort ein.').max(1024),
});

export type LoginResult =
  | { ok: true; sessionId: string; user: SessionUser }
  | { ok: false; code: 'invalid' }
  | { ok: false; code: 'throttled'; retryAfterSeconds: number };

/**
 * Checks a login for one tenant. The same answer (and one argon2 run) whether or not the account
 * exists; throttled per account and per IP in PostgreSQL. The attempt is reserved before the password
 * is checked, so parallel guesses cannot all pass one open check. Successful logins create a session row.
 */
export async function attemptLogin(
  database: Db,
  input: { tenantId: string; login: string; password: string; ip: string; userAgent?: string | null },
): Promise<LoginResult> {
  const login = input.login.trim().toLowerCase();
  const [user] = await database
    .select()
    .from(users)
    .where(and(eq(users.tenantId, input.tenantId), or(sql`lower(${users.username}) = ${login}`, sql`lower(${users.email}) = ${login}`)))
    .limit(1);
  const acct = loginKey(input.tenantId, login, user);
  const ip = ipKey(input.ip);

  const wait = await reserveLoginAttempt(database, acct, ip);
  if (wait > 0) {
    await audit(database, { tenantId: input.tenantId, actorType: 'anonymous', action: 'auth.login.throttled', ip: input.ip, meta: { retryAfterSeconds: wait } });
    return { ok: false, code: 'throttled', retryAfterSeconds: wait };
  }

  const passwordOk = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !passwordOk || user.status !== 'active') {
    // The reservation already counted this failure.
    await audit(database, {
      tenantId: input.tenantId,
      actorType: 'anonymous',
      action: 'auth.login.failed',
      targetType: user ? 'user' : undefined,
      targetId: user?.id,
      ip: input.ip,
    });
    return { ok: false, code: 'invalid' };
  }

  return database.transaction(async (tx) => {
    await loginSucceeded(tx, acct, ip);
    const sessionId = await createSession(tx, { tenantId: user.tenantId, userId: user.id, ip: input.ip, userAgent: input.userAgent });
    await audit(tx, { tenantId: user.tenantId, actorType: 'user', actorId: user.id, action: 'auth.login.succeeded', targetType: 'user', targetId: user.id, ip: input.ip });
    return { ok: true as const, sessionId, user };
  });
}
