import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { calendarAreas } from '../access/reminders';
import { contactScope } from '../access/scope';
import { createCtx, type Ctx, type PublicCtx } from '../ctx';
import { calendarFeeds, contractDeadlines as cd, users } from '../db/schema';
import { catchUp, deadlineOf } from '../deadline-store';
import { addDays, calendarDay, type CalendarDate, toIso } from '../deadlines';
import { explain } from '../deadlines/explain';
import { translate } from '../i18n';
import { tenantBaseUrl } from '../tenant/lookup';
import { hashFeedToken } from './token';

/** The employee behind a feed token of this tenant (the host's): null for a wrong or revoked token. */
async function feedOwner(ctx: PublicCtx, token: string): Promise<{ ctx: Ctx; showNames: boolean } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await ctx.db
    .select({
      showNames: calendarFeeds.showNames,
      user: {
        id: users.id,
        tenantId: users.tenantId,
        kind: users.kind,
        role: users.role,
        email: users.email,
        username: users.username,
        firstName: users.firstName,
        lastName: users.lastName,
        status: users.status,
        rights: users.rights,
        scope: users.scope,
        locale: users.locale,
      },
    })
    .from(calendarFeeds)
    .innerJoin(users, and(eq(users.tenantId, calendarFeeds.tenantId), eq(users.id, calendarFeeds.userId)))
    .where(and(eq(calendarFeeds.tenantId, ctx.tenant.id), eq(calendarFeeds.tokenHash, hashFeedToken(token))));
  if (!row || row.user.kind !== 'employee' || row.user.status !== 'active') return null;
  return { ctx: createCtx(ctx.db, ctx.tenant, row.user, { requestId: ctx.requestId }), showNames: row.showNames };
}

export interface FeedEntry {
  uid: string;
  day: CalendarDate;
  summary: string;
  description: string;
  url: string;
}

/** How far ahead the feed looks. */
const horizonDays = 400;

/**
 * The deadlines of the contacts the employee may see (scope) in the areas they have a right in, as entries:
 * the product and the rule, the client's name only when the employee chose so.
 */
export async function feedEntries(ctx: Ctx, showNames: boolean, today = calendarDay(new Date())): Promise<FeedEntry[]> {
  const areas = calendarAreas(ctx.actor);
  if (!areas.length) return [];
  const until = addDays(today, horizonDays);
  await catchUp(ctx.db, ctx.tenant.id, today);
  const rows = await ctx.db
    .select({
      contractId: cd.contractId,
      contactId: cd.contactId,
      deadlineId: cd.deadlineId,
      kind: cd.kind,
      lastDay: cd.lastDay,
      detail: cd.detail,
      product: cd.product,
      provider: cd.provider,
      firstName: users.firstName,
      lastName: users.lastName,
    })
    .from(cd)
    .innerJoin(users, and(eq(users.tenantId, cd.tenantId), eq(users.id, cd.contactId)))
    .where(
      and(
        eq(cd.tenantId, ctx.tenant.id),
        inArray(cd.area, areas as ('insurance' | 'finance' | 'other' | 'emergency')[]),
        gte(cd.lastDay, toIso(today)),
        lte(cd.lastDay, toIso(until)),
        contactScope(ctx.actor, { tenantId: cd.tenantId, contactId: cd.contactId }),
      ),
    )
    .orderBy(asc(cd.lastDay));
  const base = tenantBaseUrl(ctx.tenant);
  const entries: FeedEntry[] = [];
  for (const r of rows) {
    const d = deadlineOf(r, today);
    const product = r.provider ? `${r.product} (${r.provider})` : r.product;
    entries.push({
      uid: `${r.contractId}-${d.id}@${ctx.tenant.slug}.mappe`,
      day: d.lastDay,
      summary: showNames
        ? translate(ctx.locale, 'reminders.calendar.eventNamed', { product, client: `${r.firstName} ${r.lastName}` })
        : translate(ctx.locale, 'reminders.calendar.event', { product }),
      description: explain(d.reason, ctx.locale),
      url: `${base}/contacts/${r.contactId}/contracts/${r.contractId}`,
    });
  }
  return entries;
}

const noon = (d: CalendarDate) => new Date(Date.UTC(d.year, d.month - 1, d.day, 12));

/** RFC 5545 text of the feed (all-day entries on each deadline's last day); null: 404. */
export async function calendarFeed(ctx: PublicCtx, { token }: { token: string }): Promise<string | null> {
  const owner = await feedOwner(ctx, token);
  if (!owner) return null;
  const entries = await feedEntries(owner.ctx, owner.showNames);
  const cal = ical({
    name: translate(owner.ctx.locale, 'reminders.calendar.title'),
    prodId: { company: 'Mappe', product: 'Fristen', language: owner.ctx.locale.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const e of entries)
    cal.createEvent({
      id: e.uid,
      start: noon(e.day),
      end: noon(addDays(e.day, 1)),
      allDay: true,
      summary: e.summary,
      description: e.description,
      url: e.url,
      stamp: new Date(),
    });
  return cal.toString();
}
