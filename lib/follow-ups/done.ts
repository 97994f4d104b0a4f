import { and, eq, sql } from 'drizzle-orm';
import { mayHandleFollowUp } from '../access/reminders';
import { requireEmployee, requireRight } from '../access/require';
import { audit } from '../audit';
import { withTransaction, type Ctx } from '../ctx';
import { followUps } from '../db/schema';
import { loadFollowUp } from './load';
import type { FollowUpDoneInput } from './schemas';

/** ERLEDIGT / WIEDER ÖFFNEN. */
export async function setFollowUpDone(
  ctx: Ctx,
  { id, done }: FollowUpDoneInput,
): Promise<{ done: boolean; contactId: string }> {
  requireEmployee(ctx.actor);
  const { followUp, contact, area } = await loadFollowUp(ctx, id);
  requireRight(mayHandleFollowUp(ctx.actor, contact, { assigneeId: followUp.assigneeId, area }));
  return withTransaction(ctx, async (ctx) => {
    await ctx.db
      .update(followUps)
      .set(
        done
          ? { doneAt: sql`now()`, doneBy: ctx.actor.id, updatedAt: sql`now()` }
          : { doneAt: null, doneBy: null, updatedAt: sql`now()` },
      )
      .where(and(eq(followUps.tenantId, ctx.tenant.id), eq(followUps.id, id)));
    await audit(ctx.db, {
      tenantId: ctx.tenant.id,
      actorType: 'user',
      actorId: ctx.actor.id,
      action: done ? 'followUp.done' : 'followUp.reopened',
      targetType: 'contact',
      targetId: contact.id,
      meta: { followUpId: id },
    });
    return { done, contactId: contact.id };
  });
}
