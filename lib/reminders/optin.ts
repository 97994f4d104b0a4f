import { and, eq } from 'drizzle-orm';
import { mayGetClientReminder } from '../access/reminders';
import { requireRight } from '../access/require';
import { viewerOf } from '../access/viewer';
import { audit } from '../audit';
import { getContract } from '../contracts/get';
import { withTransaction, type Ctx } from '../ctx';
import { contractReminderOptins } from '../db/schema';
import type { ContractReminderInput } from './schemas';

/** Whether the signed-in client has switched the reminder on for this contract (false for employees). */
export async function contractReminderOn(ctx: Ctx, { contractId }: { contractId: string }): Promise<boolean> {
  if (ctx.actor.kind !== 'client') return false;
  const [row] = await ctx.db
    .select({ userId: contractReminderOptins.userId })
    .from(contractReminderOptins)
    .where(
      and(
        eq(contractReminderOptins.tenantId, ctx.tenant.id),
        eq(contractReminderOptins.contractId, contractId),
        eq(contractReminderOptins.userId, ctx.actor.id),
      ),
    );
  return !!row;
}

/**
 * "Erinnerung per E-Mail" on a contract of the client's own folder: only a contract the client can see
 * (FREIGABEN, via getContract and lib/access); anything else is `not_found`.
 */
export async function setContractReminder(
  ctx: Ctx,
  { contractId, on }: ContractReminderInput,
): Promise<{ on: boolean }> {
  const detail = await getContract(ctx, { id: contractId });
  const viewer = await viewerOf(ctx);
  const item = { area: detail.contract.area, createdByClient: detail.contract.createdByClient };
  requireRight(mayGetClientReminder(viewer, detail.contact, item));
  return withTransaction(ctx, async (ctx) => {
    const key = { tenantId: ctx.tenant.id, contractId, userId: ctx.actor.id };
    if (on) await ctx.db.insert(contractReminderOptins).values(key).onConflictDoNothing();
    else
      await ctx.db
        .delete(contractReminderOptins)
        .where(
          and(
            eq(contractReminderOptins.tenantId, key.tenantId),
            eq(contractReminderOptins.contractId, contractId),
            eq(contractReminderOptins.userId, key.userId),
          ),
        );
    await audit(ctx.db, {
      tenantId: ctx.tenant.id,
      actorType: 'user',
      actorId: ctx.actor.id,
      action: on ? 'contract.reminder.on' : 'contract.reminder.off',
      targetType: 'contract',
      targetId: contractId,
    });
    return { on };
  });
}
