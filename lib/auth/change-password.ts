import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError } from '../actions/domain-error';
import { audit } from '../audit';
import type { Db } from '../db/client';
import { users, type Tenant } from '../db/schema';
import { hashPassword, verifyPassword } from './password';
import { checkPassword, passwordMessages } from './password-policy';
import { revokeOtherSessions } from './sessions';

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Bitte geben Sie Ihr bisheriges Passwort ein.').max(1024),
    password: z.string().min(1, 'Bitte geben Sie ein neues Passwort ein.').max(1024),
    passwordRepeat: z.string().max(1024),
  })
  .refine((v) => v.password === v.passwordRepeat, { path: ['passwordRepeat'], message: 'Die beiden Passwörter stimmen nicht überein.' });

/** Changing one's own password: the old one is checked, the rules apply, every other session ends. */
export async function changePassword(
  database: Db,
  tenant: Tenant,
  actor: { userId: string; sessionId: string },
  input: z.output<typeof changePasswordSchema>,
): Promise<void> {
  const [user] = await database.select().from(users).where(and(eq(users.tenantId, tenant.id), eq(users.id, actor.userId)));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DomainError('wrong_password', 'Das bisherige Passwort stimmt nicht.', 'currentPassword');
  }
  const problem = checkPassword(input.password, { ...user, tenantName: tenant.name });
  if (problem) throw new DomainError('weak_password', passwordMessages[problem], 'password');
  const passwordHash = await hashPassword(input.password);
  await database.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: sql`now()`, updatedAt: sql`now()` }).where(and(eq(users.tenantId, tenant.id), eq(users.id, user.id)));
    const ended = await revokeOtherSessions(tx, tenant.id, user.id, actor.sessionId);
    await audit(tx, { tenantId: tenant.id, actorType: 'user', actorId: user.id, action: 'auth.password.changed', targetType: 'user', targetId: user.id, meta: { otherSessionsEnded: ended } });
  });
}
