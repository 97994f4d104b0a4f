import { and, eq, sql } from 'drizzle-orm';
import { audit } from '../audit';
import { withTransaction, type Ctx } from '../ctx';
import { ticketEvents, ticketMessages, tickets } from '../db/schema';
import { DomainError } from '../errors';
import { insertMessage, markRead, withUploads } from './entries';
import { accessTo, requireWrite, ticketRow } from './guard';
import { requireUnderSendLimit, serializeSends } from './limits';
import { clientMail, staffMail } from './mails';
import { transition, type TicketStatus } from './rules';
import type { ReplyInput } from './schemas';

/** The message this author already sent with this key (the key is per author, not per ticket). */
async function sentBefore(ctx: Ctx, key: string) {
  const [m] = await ctx.db
    .select({ id: ticketMessages.id })
    .from(ticketMessages)
    .where(
      and(
        eq(ticketMessages.tenantId, ctx.tenant.id),
        eq(ticketMessages.authorId, ctx.actor.id),
        eq(ticketMessages.idempotencyKey, key),
      ),
    );
  return m ?? null;
}

/** NEUER EINTRAG → SENDEN. A reply to a closed ticket reopens it. Mails: client → assignee, employee → client. */
export async function replyToTicket(ctx: Ctx, input: ReplyInput): Promise<{ messageId: string; reopened: boolean }> {
  const before = await withTransaction(ctx, async (tx) => {
    const t = await ticketRow(tx, input.ticketId);
    requireWrite(tx, (await accessTo(tx, t.contactId)).rights);
    const dup = await sentBefore(tx, input.idempotencyKey);
    if (!dup) await requireUnderSendLimit(tx, 'replies'); // before any upload is copied
    return dup;
  });
  if (before) return { messageId: before.id, reopened: false };
  const result = await withUploads(ctx, input.uploads, (claimed) =>
    withTransaction(ctx, async (tx) => {
      const { tenant, actor } = tx;
      const t = await ticketRow(tx, input.ticketId, true);
      const { contact, rights } = await accessTo(tx, t.contactId);
      requireWrite(tx, rights);
      const step = transition(t.status as TicketStatus, 'reply', actor.kind);
      if (!step.ok) throw new DomainError('forbidden', step.reason);
      // Always after the ticket's row lock, so the two locks are taken in one order.
      await serializeSends(tx, 'replies');
      const dup = await sentBefore(tx, input.idempotencyKey);
      if (dup) return { messageId: dup.id, reopened: false, fresh: false };
      await requireUnderSendLimit(tx, 'replies');
      const messageId = await insertMessage(tx, t, input.message, claimed, input.idempotencyKey);
      if (step.reopened)
        await tx.db
          .insert(ticketEvents)
          .values({ tenantId: tenant.id, ticketId: t.id, type: 'reopened', actorId: actor.id, actorKind: actor.kind });
      await tx.db
        .insert(ticketEvents)
        .values({ tenantId: tenant.id, ticketId: t.id, type: 'replied', actorId: actor.id, actorKind: actor.kind });
      await audit(tx.db, {
        tenantId: tenant.id,
        actorType: 'user',
        actorId: actor.id,
        action: 'ticket.replied',
        targetType: 'ticket',
        targetId: t.id,
        meta: { reopened: step.reopened, files: claimed.length },
      });
      await tx.db
        .update(tickets)
        .set({
          status: 'open',
          closedAt: null,
          lastEntryAt: sql`now()`,
          lastEntryBy: actor.id,
          lastPublicAt: sql`now()`,
          lastPublicBy: actor.id,
        })
        .where(and(eq(tickets.tenantId, tenant.id), eq(tickets.id, t.id)));
      await markRead(tx, t.id);
      if (actor.kind === 'client') await staffMail(tx, t.assigneeId, 'replied', contact, t.id);
      else await clientMail(tx, t.contactId, t.id);
      return { messageId, reopened: step.reopened, fresh: true };
    }),
  );
  return { messageId: result.messageId, reopened: result.reopened };
}
