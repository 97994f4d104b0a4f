import { and, eq, sql } from 'drizzle-orm';
import { requireRight } from '../access/require';
import { audit } from '../audit';
import { withTransaction, type Ctx } from '../ctx';
import { ticketEvents, tickets } from '../db/schema';
import { DomainError } from '../errors';
import { assignableEmployees } from './assignees';
import { markRead } from './entries';
import { accessTo, requireWrite, ticketRow } from './guard';
import { staffMail } from './mails';
import { transition, type TicketStatus } from './rules';
import type { ForwardInput } from './schemas';

/** WEITERLEITEN to another employee (with an internal note the client never sees); e-mail to the new assignee. */
export async function forwardTicket(ctx: Ctx, input: ForwardInput): Promise<void> {
  requireRight(ctx.actor.kind === 'employee', 'tickets.errors.onlyStaffForward');
  await withTransaction(ctx, async (tx) => {
    const { tenant, actor } = tx;
    const t = await ticketRow(tx, input.ticketId, true);
    const { contact, rights } = await accessTo(tx, t.contactId);
    requireWrite(tx, rights);
    const step = transition(t.status as TicketStatus, 'forward', 'employee');
    if (!step.ok) throw new DomainError('invalid', step.reason);
    const to = (await assignableEmployees(tx, contact)).find((e) => e.id === input.toId);
    if (!to) throw new DomainError('invalid', 'tickets.errors.forwardTargetInvalid', { field: 'toId' });
    if (to.id === t.assigneeId) throw new DomainError('invalid', 'tickets.errors.alreadyAssigned', { field: 'toId' });
    const meta = { fromId: t.assigneeId, toId: to.id, ...(input.note ? { internalNote: input.note } : {}) };
    await tx.db.insert(ticketEvents).values({
      tenantId: tenant.id,
      ticketId: t.id,
      type: 'forwarded',
      actorId: actor.id,
      actorKind: 'employee',
      meta,
    });
    await tx.db
      .update(tickets)
      .set({ assigneeId: to.id, lastEntryAt: sql`now()`, lastEntryBy: actor.id })
      .where(and(eq(tickets.tenantId, tenant.id), eq(tickets.id, t.id)));
    await markRead(tx, t.id);
    // The note stays out of the audit log (it is the team's, and the log outlives it).
    await audit(tx.db, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: actor.id,
      action: 'ticket.forwarded',
      targetType: 'ticket',
      targetId: t.id,
      meta: { fromId: t.assigneeId, toId: to.id },
    });
    await staffMail(tx, to.id, 'forwarded', contact, t.id);
  });
}
