import { and, eq, sql } from 'drizzle-orm';
import { requireRight } from '../access/require';
import { audit } from '../audit';
import { withTransaction, type Ctx } from '../ctx';
import { ticketEvents, tickets } from '../db/schema';
import { DomainError } from '../errors';
import { accessTo, requireWrite, ticketRow } from './guard';
import { transition, type TicketStatus } from './rules';
import type { TicketIdInput } from './schemas';

/** ABSCHLIESSEN: employees with the write right only – never a client, whatever the request says. No mail. */
export async function closeTicket(ctx: Ctx, { ticketId }: TicketIdInput): Promise<void> {
  requireRight(ctx.actor.kind === 'employee', 'tickets.errors.onlyStaffClose');
  await withTransaction(ctx, async (tx) => {
    const { tenant, actor } = tx;
    const t = await ticketRow(tx, ticketId, true);
    requireWrite(tx, (await accessTo(tx, t.contactId)).rights);
    const step = transition(t.status as TicketStatus, 'close', 'employee');
    if (!step.ok) throw new DomainError('invalid', step.reason);
    await tx.db
      .insert(ticketEvents)
      .values({ tenantId: tenant.id, ticketId: t.id, type: 'closed', actorId: actor.id, actorKind: 'employee' });
    await tx.db
      .update(tickets)
      .set({ status: 'closed', closedAt: sql`now()` })
      .where(and(eq(tickets.tenantId, tenant.id), eq(tickets.id, t.id)));
    await audit(tx.db, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: actor.id,
      action: 'ticket.closed',
      targetType: 'ticket',
      targetId: t.id,
    });
  });
}
