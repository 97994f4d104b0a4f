import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { calendarFeed } from '../../lib/calendar/feed';
import { calendarFeedStatus, createCalendarFeed, revokeCalendarFeed, setCalendarNames } from '../../lib/calendar/token';
import type { Db } from '../../lib/db/client';
import { auditLog, calendarFeeds, contracts } from '../../lib/db/schema';
import { ctxFor, publicCtxFor } from './ctx';
import { testDb } from './db';
import { makeWorld, type World } from './folder-world';

let db: Db;
let w: World;
const base = { product: 'Privathaftpflicht', sparte: '040', mainDueDate: '2027-01-01', autoRenewal: true } as const;

beforeAll(async () => {
  ({ db } = await testDb());
  w = await makeWorld(db, 'kalender');
  await db.insert(contracts).values([
    { ...base, tenantId: w.A.id, contactId: w.k1.id, area: 'insurance', provider: 'Eins AG' },
    { ...base, tenantId: w.A.id, contactId: w.k2.id, area: 'insurance', provider: 'Zwei AG' },
    { ...base, tenantId: w.A.id, contactId: w.k2.id, area: 'other', provider: 'Sonstig AG' },
  ]);
});

const tokenOf = (url: string) => url.split('/').pop()!;
const feedAs = async (token: string, tenant = w.A) => calendarFeed(await publicCtxFor(db, tenant), { token });

describe('iCal feed', () => {
  it('serves the deadlines as RFC 5545 text, without client names by default; only a hash is stored', async () => {
    const ctx = await ctxFor(db, w.A, w.writer);
    const { url } = await createCalendarFeed(ctx);
    expect(url).toMatch(/^https?:\/\/kalender\..+\/api\/calendar\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(url);
    const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, w.writer.id));
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
    const ics = (await feedAs(token))!;
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toMatch(/DTSTART;VALUE=DATE:\d{8}/);
    expect(ics).toContain('SUMMARY:Frist: Privathaftpflicht (Eins AG)');
    expect(ics).toContain('SUMMARY:Frist: Privathaftpflicht (Zwei AG)');
    expect(ics).toContain('Sonstig AG');
    expect(ics).not.toContain(w.k1.lastName);
    expect(ics).not.toContain(w.k2.lastName);
    expect((await calendarFeedStatus(ctx)).active).toBe(true);
    const audited = await db.select().from(auditLog).where(eq(auditLog.action, 'calendar.feed.created'));
    expect(audited).toHaveLength(1);
  });

  it('names the clients once the employee chooses so', async () => {
    const ctx = await ctxFor(db, w.A, w.writer);
    const token = tokenOf((await createCalendarFeed(ctx)).url);
    await setCalendarNames(ctx, { showNames: true });
    expect(await feedAs(token)).toContain(w.k2.lastName);
    await setCalendarNames(ctx, { showNames: false });
    expect(await feedAs(token)).not.toContain(w.k2.lastName);
  });

  it('404 for a wrong, an old, a revoked token and for another tenant’s host', async () => {
    const ctx = await ctxFor(db, w.A, w.reader);
    const old = tokenOf((await createCalendarFeed(ctx)).url);
    const token = tokenOf((await createCalendarFeed(ctx)).url);
    expect(await feedAs(old)).toBeNull();
    expect(await feedAs(token)).not.toBeNull();
    expect(await feedAs(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBeNull();
    expect(await feedAs('../../etc/passwd')).toBeNull();
    expect(await feedAs(token, w.B)).toBeNull();
    await revokeCalendarFeed(ctx);
    expect(await feedAs(token)).toBeNull();
    expect((await calendarFeedStatus(ctx)).active).toBe(false);
  });

  it('respects the scope and the module rights', async () => {
    const scoped = tokenOf((await createCalendarFeed(await ctxFor(db, w.A, w.scoped))).url);
    const ics = (await feedAs(scoped))!;
    expect(ics).toContain('Eins AG');
    expect(ics).not.toContain('Zwei AG');
    const mixed = tokenOf((await createCalendarFeed(await ctxFor(db, w.A, w.mixed))).url);
    const mixedIcs = (await feedAs(mixed))!;
    expect(mixedIcs).toContain('Zwei AG');
    expect(mixedIcs).not.toContain('Sonstig AG'); // no right in SONSTIGE VERTRÄGE
    const none = tokenOf((await createCalendarFeed(await ctxFor(db, w.A, w.noRights))).url);
    expect(await feedAs(none)).not.toContain('BEGIN:VEVENT');
  });

  it('is for employees only', async () => {
    await expect(createCalendarFeed(await ctxFor(db, w.A, w.clients.rel))).rejects.toMatchObject({ code: 'forbidden' });
  });
});
