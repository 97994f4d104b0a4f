import { and, eq } from 'drizzle-orm';
import { mayBeAssigned, mayFollowUp } from '../access/reminders';
import { requireEmployee, requireRight } from '../access/require';
import { audit } from '../audit';
import { contactFacts } from '../contacts/facts';
import { withTransaction, type Ctx } from '../ctx';
import { followUps, users } from '../db/schema';
import { DomainError } from '../errors';
import { contractArea } from './load';
import type { CreateFollowUpInput } from './schemas';

/**
 * WIEDERVORLAGE ANLEGEN on a contact (optionally one of its contracts): the actor must see the contact
 * (and the contract's area), the assignee too – an employee of this tenant the same rule lets through.
 */
export async function createFollowUp(ctx: Ctx, input: CreateFollowUpInput): Promise<{ id: string }> {
  requireEmployee(ctx.actor);
  const contact = await contactFacts(ctx, input.contactId);
  const area = input.contractId ? await contractArea(ctx, contact.id, input.contractId) : null;
  requireRight(mayFollowUp(ctx.actor, contact, area));
  const [assignee] = await ctx.db
    .select({
      id: users.id,
      kind: users.kind,
      role: users.role,
      rights: users.rights,
      scope: users.scope,
      status: users.status,
    })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, input.assigneeId)));
  if (!assignee || assignee.status !== 'active' || !mayBeAssigned(assignee, contact, area))
    throw new DomainError('invalid', 'followUps.errors.assignee', { field: 'assigneeId' });
  return withTransaction(ctx, async (ctx) => {
    const [row] = await ctx.db
      .insert(followUps)
      .values({
        tenantId: ctx.tenant.id,
        contactId: contact.id,
        contractId: input.contractId,
        assigneeId: assignee.id,
        dueOn: input.dueOn,
        note: input.note,
        createdBy: ctx.actor.id,
      })
      .returning({ id: followUps.id });
    await audit(ctx.db, {
      tenantId: ctx.tenant.id,
      actorType: 'user',
      actorId: ctx.actor.id,
      action: 'followUp.created',
      targetType: 'contact',
      targetId: contact.id,
      meta: { followUpId: row!.id, assigneeId: assignee.id, dueOn: input.dueOn, contractId: input.contractId },
    });
    return { id: row!.id };
  });
}
