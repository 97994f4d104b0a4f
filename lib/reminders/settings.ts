import { eq, sql } from 'drizzle-orm';
import { requireSettingsRight } from '../access/require';
import { audit } from '../audit';
import { withTransaction, type Ctx } from '../ctx';
import type { Db, Tx } from '../db/client';
import { reminderSettings } from '../db/schema';
import type { ReminderSettingsInput } from './schemas';

/** Issue 15: the Betreuer is mailed 30 and 7 days before a deadline's last day unless the tenant says otherwise. */
export const defaultReminderDays: readonly number[] = [30, 7];
/** The largest step: the candidate window of the job stays below a year. */
export const maxReminderDays = 180;

/** The steps of one tenant, largest first. */
export async function reminderDaysOf(db: Db | Tx, tenantId: string): Promise<number[]> {
  const [row] = await db
    .select({ days: reminderSettings.days })
    .from(reminderSettings)
    .where(eq(reminderSettings.tenantId, tenantId));
  const days = row?.days?.length ? row.days : defaultReminderDays;
  return [...days].sort((a, b) => b - a);
}

/** EINSTELLUNGEN → Fristen-Erinnerungen (admins). */
export async function getReminderSettings(ctx: Ctx): Promise<{ days: number[] }> {
  requireSettingsRight(ctx.actor);
  return { days: await reminderDaysOf(ctx.db, ctx.tenant.id) };
}

export async function saveReminderSettings(ctx: Ctx, { days }: ReminderSettingsInput): Promise<{ days: number[] }> {
  requireSettingsRight(ctx.actor);
  return withTransaction(ctx, async (ctx) => {
    await ctx.db
      .insert(reminderSettings)
      .values({ tenantId: ctx.tenant.id, days, updatedBy: ctx.actor.id })
      .onConflictDoUpdate({
        target: reminderSettings.tenantId,
        set: { days, updatedBy: ctx.actor.id, updatedAt: sql`now()` },
      });
    await audit(ctx.db, {
      tenantId: ctx.tenant.id,
      actorType: 'user',
      actorId: ctx.actor.id,
      action: 'settings.reminders',
      meta: { days },
    });
    return { days };
  });
}
