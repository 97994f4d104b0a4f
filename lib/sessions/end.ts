import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { mayEndSessionsOf } from '../access/protocol';
import { requireRight } from '../access/require';
import { audit } from '../audit';
import { contactFacts } from '../contacts/facts';
import { withTransaction, type Ctx } from '../ctx';
import { sessions, users } from '../db/schema';
import { DomainError } from '../errors';
import { uuidField } from '../forms/fields';
import { revokeOtherSessions, revokeUserSessions } from '../auth/sessions';

export const endSessionSchema = z.object({
  session: z.string().regex(/^[0-9a-f]{64}$/, 'devices.errors.unknown'),
});
export type EndSessionInput = z.output<typeof endSessionSchema>;

export const endAllSessionsSchema = z.object({ userId: uuidField });
export type EndAllSessionsInput = z.output<typeof endAllSessionsSchema>;

/** "Abmelden" at one session of one's own account; the other browser's next request is signed out. */
export async function endMySession(ctx: Ctx, { session }: EndSessionInput): Promise<void> {
  const { tenant, actor } = ctx;
  await withTransaction(ctx, async ({ db: tx }) => {
    const ended = await tx
      .update(sessions)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(sessions.tenantId, tenant.id),
          eq(sessions.userId, actor.id),
          eq(sessions.idHash, session),
          isNull(sessions.revokedAt),
        ),
      )
      .returning({ idHash: sessions.idHash });
    if (ended.length === 0) throw new DomainError('not_found', 'devices.errors.unknown');
    await audit(tx, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: actor.id,
      action: 'auth.session.ended',
      targetType: actor.kind === 'client' ? 'contact' : 'user',
      targetId: actor.id,
    });
  });
}

/** "Alle anderen abmelden": every session of the account but this one. */
export async function endOtherSessions(ctx: Ctx): Promise<{ ended: number }> {
  const { tenant, actor, sessionId } = ctx;
  if (!sessionId) throw new DomainError('unauthenticated', 'errors.unauthenticated');
  return withTransaction(ctx, async ({ db: tx }) => {
    const ended = await revokeOtherSessions(tx, tenant.id, actor.id, sessionId);
    await audit(tx, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: actor.id,
      action: 'auth.session.others_ended',
      targetType: actor.kind === 'client' ? 'contact' : 'user',
      targetId: actor.id,
      meta: { ended },
    });
    return { ended };
  });
}

/**
 * An admin ends every session of an employee (BENUTZER) or a client (contact page, through the scope
 * rule): their next request is signed out. Audited on the account.
 */
export async function endAllSessionsOf(ctx: Ctx, { userId }: EndAllSessionsInput): Promise<{ ended: number }> {
  const { tenant, actor } = ctx;
  requireRight(mayEndSessionsOf(actor));
  const [target] = await ctx.db
    .select({ kind: users.kind })
    .from(users)
    .where(and(eq(users.tenantId, tenant.id), eq(users.id, userId)));
  if (!target) throw new DomainError('not_found', 'errors.notFound');
  if (target.kind === 'client') await contactFacts(ctx, userId);
  return withTransaction(ctx, async ({ db: tx }) => {
    const ended = await revokeUserSessions(tx, tenant.id, userId);
    await audit(tx, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: actor.id,
      action: 'auth.session.all_ended',
      targetType: target.kind === 'client' ? 'contact' : 'user',
      targetId: userId,
      meta: { ended },
    });
    return { ended };
  });
}
