/**
 * The BESTAND figures as a snapshot: aggregating 50,000 contracts takes PostgreSQL about a second, far too
 * much per request of a page advisors open all day. The figures of one view (tenant × scope × areas × day)
 * are stored until a write of the tenant's contracts or contact profiles marks them stale (a statement
 * trigger, migration 0025) and for at most `maxAgeMs` (account states, names); the page shows their age
 * ("Stand: vor 2 Min."). One request per view recomputes (an advisory lock); the others meanwhile get the
 * previous snapshot, or wait for the first one.
 */
import { and, eq, sql } from 'drizzle-orm';
import { canViewPortfolio, portfolioAreasOf } from '../access/bestand';
import { limitedToOwnContacts } from '../access/scope';
import type { Ctx } from '../ctx';
import { portfolioSnapshots } from '../db/schema';
import { type PortfolioFigures, portfolioFigures } from './figures';
import { berlinToday } from './months';

/** How old the figures on the page may be. */
export const maxAgeMs = 5 * 60_000;

export interface Snapshot {
  figures: PortfolioFigures;
  computedAt: Date;
}

type Stored = Snapshot & { stale: boolean };

/** Whole minutes since the figures were computed ("Stand: vor 2 Min."). */
export const ageInMinutes = (s: Snapshot, now = Date.now()) =>
  Math.max(0, Math.floor((now - s.computedAt.getTime()) / 60_000));

/** The view a set of figures belongs to: whom they count (scope), which areas, which 12 months. */
export function viewOf(ctx: Ctx, today: string): string {
  const scope = limitedToOwnContacts(ctx.actor) ? `own:${ctx.actor.id}` : 'all';
  return `${scope}|${portfolioAreasOf(ctx.actor).join(',')}|${today}`;
}

async function stored(ctx: Ctx, view: string): Promise<Stored | null> {
  const [row] = await ctx.db
    .select({
      figures: portfolioSnapshots.figures,
      computedAt: portfolioSnapshots.computedAt,
      stale: portfolioSnapshots.stale,
    })
    .from(portfolioSnapshots)
    .where(and(eq(portfolioSnapshots.tenantId, ctx.tenant.id), eq(portfolioSnapshots.view, view)));
  return row ? { figures: row.figures as PortfolioFigures, computedAt: row.computedAt, stale: row.stale } : null;
}

const fresh = (s: Stored | null, now: number): s is Stored =>
  !!s && !s.stale && now - s.computedAt.getTime() < maxAgeMs;

/** The cockpit's figures, at most `maxAgeMs` old (`now` only for tests). */
export async function cockpitFigures(ctx: Ctx, now = Date.now()): Promise<Snapshot> {
  if (!canViewPortfolio(ctx.actor)) return { figures: await portfolioFigures(ctx), computedAt: new Date(now) };
  const today = berlinToday(new Date(now));
  const view = viewOf(ctx, today);
  const previous = await stored(ctx, view);
  if (fresh(previous, now)) return previous;
  const lock = sql`hashtext(${`${ctx.tenant.id}|${view}`})`;
  return ctx.db.transaction(async (db) => {
    const tx = { ...ctx, db };
    const [first] = await db.execute<{ got: boolean }>(sql`select pg_try_advisory_xact_lock(${lock}) as got`);
    if (!first?.got) {
      if (previous) return previous;
      await db.execute(sql`select pg_advisory_xact_lock(${lock})`);
      const meanwhile = await stored(tx, view);
      if (fresh(meanwhile, Date.now())) return meanwhile;
    }
    const figures = await portfolioFigures(tx, { today });
    const [row] = await db
      .insert(portfolioSnapshots)
      .values({ tenantId: ctx.tenant.id, view, figures })
      .onConflictDoUpdate({
        target: [portfolioSnapshots.tenantId, portfolioSnapshots.view],
        set: { figures, stale: false, computedAt: sql`now()` },
      })
      .returning({ computedAt: portfolioSnapshots.computedAt });
    // Yesterday's views of the tenant are of no use any more.
    await db.execute(
      sql`delete from ${portfolioSnapshots} where ${portfolioSnapshots.tenantId} = ${ctx.tenant.id}::uuid and ${portfolioSnapshots.view} not like ${`%|${today}`}`,
    );
    return { figures, computedAt: row!.computedAt };
  });
}
