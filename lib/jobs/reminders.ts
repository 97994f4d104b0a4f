import { and, eq } from 'drizzle-orm';
import { createElement } from 'react';
import { advisorMayBeReminded, mayGetClientReminder } from '../access/reminders';
import { ownTicketRights } from '../access/tickets';
import { loadGrants } from '../access/viewer';
import { localeOf } from '../ctx';
import type { Db, Tx } from '../db/client';
import { contractReminderOptins, deadlineReminders, tenants, users, type Tenant } from '../db/schema';
import {
  calendarDay,
  type CalendarDate,
  contractDeadlines,
  deadlineInput,
  formatDay,
  type KnownDeadline,
} from '../deadlines';
import { daysBetween } from '../deadlines/dates';
import { explain } from '../deadlines/explain';
import { translate } from '../i18n';
import { brandFor } from '../mail/brand';
import { enqueueMail } from '../mail/outbox';
import type { Brand } from '../mail/templates/layout';
import { DeadlineAdvisorMail, DeadlineClientMail } from '../mail/templates/reminder';
import { type Candidate, candidateWhere, claimCandidates } from '../reminders/candidates';
import { reminderDaysOf } from '../reminders/settings';
import { tenantBaseUrl } from '../tenant/lookup';

const pageSize = 50;

/** The step a deadline `days` ahead has reached: the smallest step not below it (7 before 30), or none. */
export function stepFor(days: number, steps: readonly number[]): number | null {
  if (days < 0) return null;
  const reached = steps.filter((s) => days <= s);
  return reached.length ? Math.min(...reached) : null;
}

interface Due {
  deadline: KnownDeadline;
  step: number;
  days: number;
}

function dueDeadlines(row: Candidate, today: CalendarDate, steps: readonly number[]): Due[] {
  const out: Due[] = [];
  for (const d of contractDeadlines(deadlineInput(row), today, { graceDays: 0 })) {
    if (d.state !== 'open') continue;
    const days = daysBetween(today, d.lastDay);
    const step = stepFor(days, steps);
    if (step != null) out.push({ deadline: d, step, days });
  }
  return out;
}

type Recipient = Pick<
  typeof users.$inferSelect,
  'id' | 'email' | 'locale' | 'status' | 'kind' | 'role' | 'rights' | 'scope'
>;

async function person(tx: Tx, tenantId: string, id: string): Promise<Recipient | null> {
  const [u] = await tx
    .select({
      id: users.id,
      email: users.email,
      locale: users.locale,
      status: users.status,
      kind: users.kind,
      role: users.role,
      rights: users.rights,
      scope: users.scope,
    })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
  return u && u.status === 'active' ? u : null;
}

/** Claims the unique key; only the claimant writes the mail (same transaction: no key without its mail). */
async function claim(tx: Tx, tenantId: string, row: Candidate, due: Due, audience: 'advisor' | 'client', to: string) {
  const [won] = await tx
    .insert(deadlineReminders)
    .values({ tenantId, contractId: row.id, deadlineId: due.deadline.id, step: due.step, audience, recipientId: to })
    .onConflictDoNothing()
    .returning({ id: deadlineReminders.id });
  return won?.id ?? null;
}

interface TenantRun {
  tenant: Tenant;
  brand: Brand;
  today: CalendarDate;
  steps: readonly number[];
}

async function remindContract(tx: Tx, run: TenantRun, row: Candidate): Promise<number> {
  const due = dueDeadlines(row, run.today, run.steps);
  if (!due.length) return 0;
  const { tenant } = run;
  const contact = { id: row.contactId, advisorId: row.advisorId ?? null };
  const item = { area: row.area, createdByClient: row.createdByClient };
  const advisor = row.advisorId ? await person(tx, tenant.id, row.advisorId) : null;
  const optins = await tx
    .select({ userId: contractReminderOptins.userId })
    .from(contractReminderOptins)
    .where(and(eq(contractReminderOptins.tenantId, tenant.id), eq(contractReminderOptins.contractId, row.id)));
  const client = optins.some((o) => o.userId === row.contactId) ? await person(tx, tenant.id, row.contactId) : null;
  const grants = client ? await loadGrants(tx, tenant.id, row.contactId) : null;
  const base = tenantBaseUrl(tenant);
  let sent = 0;
  for (const d of due) {
    if (advisor && advisor.kind === 'employee' && advisorMayBeReminded(advisor, contact, row.area)) {
      const keyId = await claim(tx, tenant.id, row, d, 'advisor', advisor.id);
      if (keyId) {
        const locale = localeOf(advisor, tenant);
        const values = { days: d.days, product: row.product };
        const outboxId = await enqueueMail(tx, {
          tenantId: tenant.id,
          template: 'deadline.advisor',
          to: advisor.email,
          subject: translate(locale, 'mail.deadlineAdvisor.subject', values),
          fromName: tenant.name,
          element: createElement(DeadlineAdvisorMail, {
            brand: run.brand,
            ...values,
            lastDay: formatDay(d.deadline.lastDay, locale),
            reason: explain(d.deadline.reason, locale),
            url: `${base}/contacts/${row.contactId}/contracts/${row.id}`,
            locale,
          }),
        });
        await tx.update(deadlineReminders).set({ outboxId }).where(eq(deadlineReminders.id, keyId));
        sent++;
      }
    }
    if (client && grants && mayGetClientReminder({ kind: 'client', clientId: client.id, grants }, contact, item)) {
      const keyId = await claim(tx, tenant.id, row, d, 'client', client.id);
      if (keyId) {
        const locale = localeOf(client, tenant);
        const values = { days: d.days, product: row.product };
        const canWrite = ownTicketRights(grants).write;
        const url = canWrite
          ? `${base}/portal/messages/new?vertrag=${row.id}&frist=${encodeURIComponent(d.deadline.id)}`
          : `${base}/portal/contracts/${row.id}`;
        const outboxId = await enqueueMail(tx, {
          tenantId: tenant.id,
          template: 'deadline.client',
          to: client.email,
          subject: translate(locale, 'mail.deadlineClient.subject', values),
          fromName: tenant.name,
          element: createElement(DeadlineClientMail, {
            brand: run.brand,
            ...values,
            lastDay: formatDay(d.deadline.lastDay, locale),
            reason: explain(d.deadline.reason, locale),
            url,
            canWrite,
            locale,
          }),
        });
        await tx.update(deadlineReminders).set({ outboxId }).where(eq(deadlineReminders.id, keyId));
        sent++;
      }
    }
  }
  return sent;
}

/** The reminders of one tenant: candidate pages by id, each page in one transaction with its mails. */
export async function remindTenant(database: Db, tenant: Tenant, today: CalendarDate): Promise<number> {
  const steps = await reminderDaysOf(database, tenant.id);
  const where = candidateWhere(tenant.id, today, Math.max(...steps));
  const brand = await database.transaction((tx) => brandFor(tx, tenant));
  const run: TenantRun = { tenant, brand, today, steps };
  let after: string | null = null;
  let sent = 0;
  for (;;) {
    const page: { last: string | null; sent: number } = await database.transaction(async (tx) => {
      const rows = await claimCandidates(tx, where, after, pageSize);
      let n = 0;
      for (const row of rows) n += await remindContract(tx, run, row);
      return { last: rows.length === pageSize ? rows[rows.length - 1]!.id : null, sent: n };
    });
    sent += page.sent;
    if (!page.last) return sent;
    after = page.last;
  }
}

/**
 * The FRISTEN reminder job (part of the hourly sweep, in every instance): mails the Betreuer – and clients
 * who switched it on – when a deadline reaches one of the tenant's steps. Exactly once per contract,
 * deadline id, step and audience, however many instances run it at the same time.
 */
export async function runDeadlineReminders(
  database: Db,
  today: CalendarDate = calendarDay(new Date()),
): Promise<number> {
  const active = await database.select().from(tenants).where(eq(tenants.status, 'active'));
  let sent = 0;
  for (const tenant of active) sent += await remindTenant(database, tenant, today);
  return sent;
}
