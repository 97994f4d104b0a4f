import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { calendarAreas } from '../access/reminders';
import { contactScope } from '../access/scope';
import { createCtx, type Ctx, type PublicCtx } from '../ctx';
import { calendarFeeds, contracts, productLines, users } from '../db/schema';
import { addDays, calendarDay, type CalendarDate, contractDeadlines, deadlineInput } from '../deadlines';
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
  const rows = await ctx.db
    .select({
      contract: contracts,
      productLineSparte: productLines.sparte,
      firstName: users.firstName,
      lastName: users.lastName,
    })
    .from(contracts)
    .innerJoin(users, and(eq(users.tenantId, contracts.tenantId), eq(users.id, contracts.contactId)))
    .leftJoin(productLines, and(eq(productLines.area, contracts.area), eq(productLines.name, contracts.product)))
    .where(
      and(
        eq(contracts.tenantId, ctx.tenant.id),
        inArray(contracts.area, areas as ('insurance' | 'finance' | 'other' | 'emergency')[]),
        or(isNull(contracts.status), inArray(contracts.status, ['aktiv', 'beantragt', 'ruhend'])),
        contactScope(ctx.actor, { tenantId: contracts.tenantId, contactId: contracts.contactId }),
      ),
    );
  const base = tenantBaseUrl(ctx.tenant);
  const until = addDays(today, horizonDays);
  const entries: FeedEntry[] = [];
  for (const r of rows) {
    const c = r.contract;
    for (const d of contractDeadlines(deadlineInput({ ...c, productLineSparte: r.productLineSparte }), today)) {
      if (
        !d.lastDay ||
        d.state !== 'open' ||
        d.lastDay.year * 10000 + d.lastDay.month * 100 + d.lastDay.day >
          until.year * 10000 + until.month * 100 + until.day
      )
        continue;
      const product = c.provider ? `${c.product} (${c.provider})` : c.product;
      entries.push({
        uid: `${c.id}-${d.id}@${ctx.tenant.slug}.mappe`,
        day: d.lastDay,
        summary: showNames
          ? translate(ctx.locale, 'reminders.calendar.eventNamed', { product, client: `${r.firstName} ${r.lastName}` })
          : translate(ctx.locale, 'reminders.calendar.event', { product }),
        description: explain(d.reason, ctx.locale),
        url: `${base}/contacts/${c.contactId}/contracts/${c.id}`,
      });
    }
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
