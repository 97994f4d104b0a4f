import { audit } from '../audit';
import { withTransaction, type Ctx } from '../ctx';
import { revokeSession } from './sessions';

/** Abmelden: the session row is revoked first, so the cookie is dead even if the browser keeps it. */
export async function logout(ctx: Ctx): Promise<void> {
  const { sessionId, tenant, actor } = ctx;
  if (!sessionId) return;
  await withTransaction(ctx, async ({ db: tx }) => {
    await revokeSession(tx, sessionId);
    await audit(tx, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: actor.id,
      action: 'auth.logout',
      targetType: 'user',
      targetId: actor.id,
    });
  });
}
