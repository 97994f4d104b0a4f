import { and, asc, between, eq, gt, isNull } from 'drizzle-orm';
import { createElement } from 'react';
import { mayBeAssigned } from '../access/reminders';
import { localeOf } from '../ctx';
import type { Db, Tx } from '../db/client';
import { contactProfiles, followUpNotices, followUps, tenants, users, type Tenant } from '../db/schema';
import { addDays, calendarDay, type CalendarDate, toIso } from '../deadlines';
import { translate } from '../i18n';
import { brandFor } from '../mail/brand';
import { enqueueMail } from '../mail/outbox';
import type { Brand } from '../mail/templates/layout';
import { FollowUpDueMail } from '../mail/templates/follow-up';
import { tenantBaseUrl } from '../tenant/lookup';

/** A follow-up due while no instance ran (a deploy over midnight) is still mailed within this many days. */
const catchUpDays = 3;
const pageSize = 100;

async function notify(
  tx: Tx,
  tenant: Tenant,
  brand: Brand,
  row: { id: string; dueOn: string; assigneeId: string; contactId: string; advisorId: string | null },
) {
  const [assignee] = await tx
    .select()
    .from(users)
    .where(and(eq(users.tenantId, tenant.id), eq(users.id, row.assigneeId)));
  if (!assignee || assignee.status !== 'active') return 0;
  if (!mayBeAssigned(assignee, { id: row.contactId, advisorId: row.advisorId })) return 0;
  const [won] = await tx
    .insert(followUpNotices)
    .values({ followUpId: row.id, dueOn: row.dueOn })
    .onConflictDoNothing()
    .returning({ id: followUpNotices.followUpId });
  if (!won) return 0;
  const locale = localeOf(assignee, tenant);
  const outboxId = await enqueueMail(tx, {
    tenantId: tenant.id,
    template: 'followUp.due',
    to: assignee.email,
    subject: translate(locale, 'mail.followUp.subject'),
    fromName: tenant.name,
    element: createElement(FollowUpDueMail, { brand, url: `${tenantBaseUrl(tenant)}/wiedervorlagen`, locale }),
  });
  await tx
    .update(followUpNotices)
    .set({ outboxId })
    .where(and(eq(followUpNotices.followUpId, row.id), eq(followUpNotices.dueOn, row.dueOn)));
  return 1;
}

/**
 * WIEDERVORLAGEN: the due-day mail to the assignee (part of the hourly sweep, every instance). Open
 * follow-ups due today are claimed with FOR UPDATE SKIP LOCKED; the key (follow-up, due date) makes it
 * one mail even when two instances run at once.
 */
export async function runFollowUpMails(database: Db, today: CalendarDate = calendarDay(new Date())): Promise<number> {
  const active = await database.select().from(tenants).where(eq(tenants.status, 'active'));
  let sent = 0;
  for (const tenant of active) {
    let brand: Brand | null = null;
    let after: string | null = null;
    for (;;) {
      const page: { last: string | null; sent: number } = await database.transaction(async (tx) => {
        const rows = await tx
          .select({
            id: followUps.id,
            dueOn: followUps.dueOn,
            assigneeId: followUps.assigneeId,
            contactId: followUps.contactId,
            advisorId: contactProfiles.advisorId,
          })
          .from(followUps)
          .leftJoin(
            contactProfiles,
            and(eq(contactProfiles.tenantId, followUps.tenantId), eq(contactProfiles.userId, followUps.contactId)),
          )
          .where(
            and(
              eq(followUps.tenantId, tenant.id),
              isNull(followUps.doneAt),
              between(followUps.dueOn, toIso(addDays(today, -catchUpDays)), toIso(today)),
              ...(after ? [gtId(after)] : []),
            ),
          )
          .orderBy(asc(followUps.id))
          .limit(pageSize)
          .for('update', { of: followUps, skipLocked: true });
        let n = 0;
        for (const row of rows) {
          brand ??= await brandFor(tx, tenant);
          n += await notify(tx, tenant, brand, { ...row, advisorId: row.advisorId ?? null });
        }
        return { last: rows.length === pageSize ? rows[rows.length - 1]!.id : null, sent: n };
      });
      sent += page.sent;
      if (!page.last) break;
      after = page.last;
    }
  }
  return sent;
}

const gtId = (id: string) => gt(followUps.id, id);
