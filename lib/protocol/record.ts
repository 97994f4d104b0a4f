import { createHash } from 'node:crypto';
import { auditOnce } from '../audit';
import type { Ctx } from '../ctx';

/**
 * "Kontakt geöffnet": an employee opened the contact page. One row per session and contact (a unique
 * index makes the second insert a no-op, also for two tabs at once); the session shows only as a one-way
 * tag, never its id or the id's hash from the sessions table.
 */
export async function recordContactOpened(ctx: Ctx, contactId: string): Promise<boolean> {
  if (ctx.actor.kind !== 'employee' || !ctx.sessionId) return false;
  const session = createHash('sha256').update(`contact.opened:${ctx.sessionId}`).digest('hex').slice(0, 32);
  return auditOnce(ctx.db, {
    tenantId: ctx.tenant.id,
    actorType: 'user',
    actorId: ctx.actor.id,
    action: 'contact.opened',
    targetType: 'contact',
    targetId: contactId,
    meta: { session },
  });
}
