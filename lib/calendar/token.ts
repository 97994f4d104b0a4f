import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { requireEmployee } from '../access/require';
import { audit } from '../audit';
import { withTransaction, type Ctx } from '../ctx';
import { calendarFeeds } from '../db/schema';
import { tenantBaseUrl } from '../tenant/lookup';
import type { CalendarNamesInput } from './schemas';

/** Only this is stored: the SHA-256 of the secret in the URL. */
export const hashFeedToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface FeedStatus {
  active: boolean;
  since: Date | null;
  showNames: boolean;
}

/** "Mein Zugang" → Kalender-Abo: whether one is set up (the URL itself cannot be shown again). */
export async function calendarFeedStatus(ctx: Ctx): Promise<FeedStatus> {
  requireEmployee(ctx.actor);
  const [row] = await ctx.db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.tenantId, ctx.tenant.id), eq(calendarFeeds.userId, ctx.actor.id)));
  return { active: !!row?.tokenHash, since: row?.tokenHash ? row.createdAt : null, showNames: row?.showNames ?? false };
}

const log = (ctx: Ctx, action: string, meta?: Record<string, unknown>) =>
  audit(ctx.db, {
    tenantId: ctx.tenant.id,
    actorType: 'user',
    actorId: ctx.actor.id,
    action,
    targetType: 'user',
    targetId: ctx.actor.id,
    meta,
  });

/**
 * A new secret feed URL for the signed-in employee; any previous URL stops working at once. The URL is
 * returned once (to be shown once) and never stored.
 */
export async function createCalendarFeed(ctx: Ctx): Promise<{ url: string }> {
  requireEmployee(ctx.actor);
  const token = randomBytes(32).toString('base64url');
  const tokenHash = hashFeedToken(token);
  await withTransaction(ctx, async (ctx) => {
    await ctx.db
      .insert(calendarFeeds)
      .values({ tenantId: ctx.tenant.id, userId: ctx.actor.id, tokenHash, createdAt: sql`now()` })
      .onConflictDoUpdate({
        target: calendarFeeds.userId,
        set: { tokenHash, createdAt: sql`now()`, updatedAt: sql`now()` },
      });
    await log(ctx, 'calendar.feed.created');
  });
  return { url: `${tenantBaseUrl(ctx.tenant)}/api/calendar/${token}` };
}

/** Widerrufen: the URL gives 404 from now on. */
export async function revokeCalendarFeed(ctx: Ctx): Promise<undefined> {
  requireEmployee(ctx.actor);
  await withTransaction(ctx, async (ctx) => {
    await ctx.db
      .update(calendarFeeds)
      .set({ tokenHash: null, createdAt: null, updatedAt: sql`now()` })
      .where(and(eq(calendarFeeds.tenantId, ctx.tenant.id), eq(calendarFeeds.userId, ctx.actor.id)));
    await log(ctx, 'calendar.feed.revoked');
  });
  return undefined;
}

/** Whether entries name the client (off by default). */
export async function setCalendarNames(ctx: Ctx, { showNames }: CalendarNamesInput): Promise<{ showNames: boolean }> {
  requireEmployee(ctx.actor);
  await withTransaction(ctx, async (ctx) => {
    await ctx.db
      .insert(calendarFeeds)
      .values({ tenantId: ctx.tenant.id, userId: ctx.actor.id, showNames })
      .onConflictDoUpdate({ target: calendarFeeds.userId, set: { showNames, updatedAt: sql`now()` } });
    await log(ctx, 'calendar.feed.names', { showNames });
  });
  return { showNames };
}
