import { and, asc, eq } from 'drizzle-orm';
import { maySee } from '../access/folder';
import { requireRight } from '../access/require';
import { viewerOf } from '../access/viewer';
import { audit } from '../audit';
import { withTransaction, type Ctx } from '../ctx';
import { contracts, ticketEvents, tickets } from '../db/schema';
import { DomainError } from '../errors';
import { assignableEmployees } from './assignees';
import { insertMessage, markRead, withUploads } from './entries';
import { accessTo, reachContact, requireWrite } from './guard';
import { requireUnderSendLimit, serializeSends } from './limits';
import { staffMail } from './mails';
import type { NewTicketInput } from './schemas';

/** The ticket this client already sent with this key (a double tap, a retried request). */
async function sentBefore(ctx: Ctx, key: string) {
  const [t] = await ctx.db
    .select({ id: tickets.id })
    .from(tickets)
    .where(
      and(eq(tickets.tenantId, ctx.tenant.id), eq(tickets.createdBy, ctx.actor.id), eq(tickets.idempotencyKey, key)),
    );
  return t ?? null;
}

/** May this client send, to this employee, about this contract? (Checked before the uploads and again inside.) */
async function checked(ctx: Ctx, input: NewTicketInput) {
  const { contact, viewer, rights } = await accessTo(ctx, ctx.actor.id);
  requireWrite(ctx, rights);
  const assignee = (await assignableEmployees(ctx, contact)).find((e) => e.id === input.assigneeId);
  if (!assignee) throw new DomainError('invalid', 'tickets.errors.assigneeInvalid', { field: 'assigneeId' });
  if (input.contractId) {
    const [c] = await ctx.db
      .select({ area: contracts.area, createdByClient: contracts.createdByClient })
      .from(contracts)
      .where(
        and(
          eq(contracts.tenantId, ctx.tenant.id),
          eq(contracts.id, input.contractId),
          eq(contracts.contactId, contact.id),
        ),
      );
    if (!c || !maySee(viewer, contact, c))
      throw new DomainError('invalid', 'tickets.errors.contractInvalid', { field: 'contractId' });
  }
  return { contact, assignee };
}

/**
 * NEUE NACHRICHT (client): one ticket per idempotency key, first message with attachments, HISTORIE entry,
 * read marker, audit and the e-mail to the chosen employee – all in one transaction.
 */
export async function createTicket(ctx: Ctx, input: NewTicketInput): Promise<{ id: string; created: boolean }> {
  requireRight(ctx.actor.kind === 'client', 'tickets.errors.clientsCreate');
  const before = await withTransaction(ctx, async (tx) => {
    const found = await sentBefore(tx, input.idempotencyKey);
    if (found) return found;
    await checked(tx, input);
    // Refused before any upload is copied; the binding count is the one under the lock below.
    await requireUnderSendLimit(tx, 'tickets');
    return null;
  });
  if (before) return { id: before.id, created: false };
  const result = await withUploads(ctx, input.uploads, (claimed) =>
    withTransaction(ctx, async (tx) => {
      await serializeSends(tx, 'tickets');
      const found = await sentBefore(tx, input.idempotencyKey);
      if (found) return { id: found.id, created: false, fresh: false };
      const { contact, assignee } = await checked(tx, input);
      await requireUnderSendLimit(tx, 'tickets');
      const { tenant, actor } = tx;
      const [row] = await tx.db
        .insert(tickets)
        .values({
          tenantId: tenant.id,
          contactId: actor.id,
          assigneeId: assignee.id,
          contractId: input.contractId,
          subject: input.subject,
          createdBy: actor.id,
          idempotencyKey: input.idempotencyKey,
          lastEntryBy: actor.id,
          lastPublicBy: actor.id,
        })
        .onConflictDoNothing()
        .returning({ id: tickets.id });
      if (!row) return { id: (await sentBefore(tx, input.idempotencyKey))!.id, created: false, fresh: false };
      await insertMessage(tx, { id: row.id, contactId: actor.id }, input.message, claimed, null);
      await tx.db.insert(ticketEvents).values({
        tenantId: tenant.id,
        ticketId: row.id,
        type: 'created',
        actorId: actor.id,
        actorKind: 'client',
        meta: { toId: assignee.id },
      });
      await markRead(tx, row.id);
      await audit(tx.db, {
        tenantId: tenant.id,
        actorType: 'user',
        actorId: actor.id,
        action: 'ticket.created',
        targetType: 'contact',
        targetId: contact.id,
        meta: { ticketId: row.id },
      });
      await staffMail(tx, assignee.id, 'created', contact, row.id);
      return { id: row.id, created: true, fresh: true };
    }),
  );
  return { id: result.id, created: result.created };
}

/**
 * The NEUE NACHRICHT form: whom the client can write to (their BETREUER preselected when possible) and which
 * of their contracts they may name (the ones they can see in their folder).
 */
export async function newTicketOptions(ctx: Ctx) {
  requireRight(ctx.actor.kind === 'client', 'tickets.errors.clientsCreate');
  const contact = await reachContact(ctx, ctx.actor.id);
  const employees = await assignableEmployees(ctx, contact);
  const viewer = await viewerOf(ctx);
  const rows = await ctx.db
    .select({
      id: contracts.id,
      area: contracts.area,
      createdByClient: contracts.createdByClient,
      product: contracts.product,
      provider: contracts.provider,
      title: contracts.title,
    })
    .from(contracts)
    .where(and(eq(contracts.tenantId, ctx.tenant.id), eq(contracts.contactId, contact.id)))
    .orderBy(asc(contracts.product));
  return {
    employees: employees.map(({ id, name }) => ({ id, name })),
    advisorId: employees.some((e) => e.id === contact.advisorId) ? contact.advisorId : null,
    contracts: rows
      .filter((c) => maySee(viewer, contact, c))
      .map((c) => ({ id: c.id, label: [c.product, c.provider ?? c.title].filter(Boolean).join(' · ') })),
  };
}
