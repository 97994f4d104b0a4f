import { and, eq } from 'drizzle-orm';
import { mayMarkDeadlines } from '../access/employee';
import { maySeeArea } from '../access/folder';
import { requireRight } from '../access/require';
import { viewerOf } from '../access/viewer';
import { audit } from '../audit';
import { contactFacts } from '../contacts/facts';
import { withTransaction, type Ctx } from '../ctx';
import { contracts, deadlineMarks } from '../db/schema';
import { toIso } from '../deadlines';
import { DomainError } from '../errors';
import { deadlinesOfContract } from './for-contract';
import type { MarkDoneInput } from './schemas';

const notFound = () => new DomainError('not_found', 'fristen.errors.notFound');

/** The contract through the folder rules (scope, VERSICHERUNGEN right); `not_found` when out of reach. */
async function reachableContract(ctx: Ctx, contractId: string) {
  const [row] = await ctx.db
    .select()
    .from(contracts)
    .where(and(eq(contracts.tenantId, ctx.tenant.id), eq(contracts.id, contractId)))
    .limit(1);
  if (!row || row.area !== 'insurance') throw notFound();
  const contact = await contactFacts(ctx, row.contactId);
  if (!maySeeArea(await viewerOf(ctx), contact, 'insurance')) throw notFound();
  return row;
}

/** "erledigt" with a note: a current deadline of the contract, once per tenant + contract + deadline; audited. */
export async function markDeadlineDone(ctx: Ctx, input: MarkDoneInput): Promise<{ contractId: string }> {
  requireRight(mayMarkDeadlines(ctx.actor));
  return withTransaction(ctx, async (tx) => {
    const contract = await reachableContract(tx, input.contractId);
    const current = (await deadlinesOfContract(tx, contract)).find((d) => d.deadline.id === input.deadlineId);
    if (!current || current.deadline.state === 'unknown') throw notFound();
    const values = {
      tenantId: tx.tenant.id,
      contractId: contract.id,
      deadlineId: input.deadlineId,
      lastDay: toIso(current.deadline.lastDay),
      note: input.note,
      doneBy: tx.actor.id,
    };
    await tx.db
      .insert(deadlineMarks)
      .values(values)
      .onConflictDoUpdate({
        target: [deadlineMarks.tenantId, deadlineMarks.contractId, deadlineMarks.deadlineId],
        set: { note: input.note, doneBy: tx.actor.id },
      });
    await audit(tx.db, {
      tenantId: tx.tenant.id,
      actorType: 'user',
      actorId: tx.actor.id,
      action: 'deadline.done',
      targetType: 'contact',
      targetId: contract.contactId,
      meta: { contractId: contract.id, deadlineId: input.deadlineId, lastDay: values.lastDay, note: input.note },
    });
    return { contractId: contract.id };
  });
}

/** Takes the "erledigt" back; audited. */
export async function reopenDeadline(
  ctx: Ctx,
  input: { contractId: string; deadlineId: string },
): Promise<{ contractId: string }> {
  requireRight(mayMarkDeadlines(ctx.actor));
  return withTransaction(ctx, async (tx) => {
    const contract = await reachableContract(tx, input.contractId);
    const deleted = await tx.db
      .delete(deadlineMarks)
      .where(
        and(
          eq(deadlineMarks.tenantId, tx.tenant.id),
          eq(deadlineMarks.contractId, contract.id),
          eq(deadlineMarks.deadlineId, input.deadlineId),
        ),
      )
      .returning({ deadlineId: deadlineMarks.deadlineId });
    if (deleted.length === 0) throw notFound();
    await audit(tx.db, {
      tenantId: tx.tenant.id,
      actorType: 'user',
      actorId: tx.actor.id,
      action: 'deadline.reopened',
      targetType: 'contact',
      targetId: contract.contactId,
      meta: { contractId: contract.id, deadlineId: input.deadlineId },
    });
    return { contractId: contract.id };
  });
}
