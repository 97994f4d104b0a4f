import { and, eq } from 'drizzle-orm';
import { createElement } from 'react';
import { advisorMayBeReminded, mayGetClientReminder, remindedInsteadOfBetreuer } from '../access/reminders';
import { ownTicketRights } from '../access/tickets';
import { loadGrants } from '../access/viewer';
import { localeOf } from '../ctx';
import type { Db, Tx } from '../db/client';
import { contractReminderOptins, deadlineReminders, tenants, users, type Tenant } from '../db/schema';
import { catchUp, deadlineOf } from '../deadline-store';
import { calendarDay, type CalendarDate, formatDay, type KnownDeadline } from '../deadlines';
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

function dueOf(row: Candidate, today: CalendarDate, steps: readonly number[]): Due | null {
  const deadline = deadlineOf(row, today);
  if (deadline.state !== 'open') return null;
  const days = daysBetween(today, deadline.lastDay);
  const step = stepFor(days, steps);
  return step == null ? null : { deadline, step, days };
}

type Recipient = Pick<
  typeof users.$inferSelect,
  'id' | 'email' | 'locale' | 'status' | 'kind' | 'role' | 'rights' | 'scope'
>;

const recipientColumns = {
  id: users.id,
  email: users.email,
  locale: users.locale,
  status: users.status,
  kind: users.kind,
  role: users.role,
  rights: users.rights,
  scope: users.scope,
};

async function person(tx: Tx, tenantId: string, id: string): Promise<Recipient | null> {
  const [u] = await tx
    .select(recipientColumns)
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
  return u && u.status === 'active' ? u : null;
}

/** Claims the unique key; only the claimant writes the mail (same transaction: no key without its mail). */
async function claim(tx: Tx, tenantId: string, row: Candidate, due: Due, audience: Audience, to: string | null) {
  const [won] = await tx
    .insert(deadlineReminders)
    .values({
      tenantId,
      contractId: row.contractId,
      deadlineId: due.deadline.id,
      step: due.step,
      audience,
      recipientId: to,
    })
    .onConflictDoNothing()
    .returning({ id: deadlineReminders.id });
  return won?.id ?? null;
}

type Audience = 'advisor' | 'admins' | 'client';
type PageKey = { lastDay: string; contractId: string; deadlineId: string };

interface TenantRun {
  tenant: Tenant;
  brand: Brand;
  today: CalendarDate;
  steps: readonly number[];
  /** The tenant's active admins (loaded once a contact without Betreuer comes up). */
  admins?: Recipient[];
}

async function adminsOf(tx: Tx, run: TenantRun): Promise<Recipient[]> {
  run.admins ??= (
    await tx
      .select(recipientColumns)
      .from(users)
      .where(and(eq(users.tenantId, run.tenant.id), eq(users.kind, 'employee'), eq(users.status, 'active')))
  ).filter(remindedInsteadOfBetreuer);
  return run.admins;
}

/** The mail to an employee (the Betreuer, or an admin standing in for a missing one). */
async function mailEmployee(tx: Tx, run: TenantRun, row: Candidate, d: Due, to: Recipient, standIn: boolean) {
  const locale = localeOf(to, run.tenant);
  const values = { days: d.days, product: row.product };
  return enqueueMail(tx, {
    tenantId: run.tenant.id,
    template: 'deadline.advisor',
    to: to.email,
    subject: translate(locale, 'mail.deadlineAdvisor.subject', values),
    fromName: run.tenant.name,
    element: createElement(DeadlineAdvisorMail, {
      brand: run.brand,
      ...values,
      lastDay: formatDay(d.deadline.lastDay, locale),
      reason: explain(d.deadline.reason, locale),
      url: `${tenantBaseUrl(run.tenant)}/contacts/${row.contactId}/contracts/${row.contractId}`,
      noAdvisor: standIn,
      locale,
    }),
  });
}

async function remindEmployees(tx: Tx, run: TenantRun, row: Candidate, d: Due): Promise<number> {
  const contact = { id: row.contactId, advisorId: row.advisorId ?? null };
  const advisor = row.advisorId ? await person(tx, run.tenant.id, row.advisorId) : null;
  if (advisor) {
    if (advisor.kind !== 'employee' || !advisorMayBeReminded(advisor, contact, row.area)) return 0;
    const keyId = await claim(tx, run.tenant.id, row, d, 'advisor', advisor.id);
    if (!keyId) return 0;
    const outboxId = await mailEmployee(tx, run, row, d, advisor, false);
    await tx.update(deadlineReminders).set({ outboxId }).where(eq(deadlineReminders.id, keyId));
    return 1;
  }
  // No (active) Betreuer: the tenant's admins, one key for all of them (mails in the same transaction).
  const admins = await adminsOf(tx, run);
  if (!admins.length) return 0;
  const keyId = await claim(tx, run.tenant.id, row, d, 'admins', null);
  if (!keyId) return 0;
  let outboxId: string | null = null;
  for (const admin of admins) outboxId = await mailEmployee(tx, run, row, d, admin, true);
  await tx.update(deadlineReminders).set({ outboxId }).where(eq(deadlineReminders.id, keyId));
  return admins.length;
}

async function remindClient(tx: Tx, run: TenantRun, row: Candidate, d: Due): Promise<number> {
  const { tenant } = run;
  const [optin] = await tx
    .select({ userId: contractReminderOptins.userId })
    .from(contractReminderOptins)
    .where(
      and(
        eq(contractReminderOptins.tenantId, tenant.id),
        eq(contractReminderOptins.contractId, row.contractId),
        eq(contractReminderOptins.userId, row.contactId),
      ),
    );
  const client = optin ? await person(tx, tenant.id, row.contactId) : null;
  if (!client) return 0;
  const grants = await loadGrants(tx, tenant.id, row.contactId);
  const contact = { id: row.contactId, advisorId: row.advisorId ?? null };
  const item = { area: row.area, createdByClient: row.createdByClient };
  if (!mayGetClientReminder({ kind: 'client', clientId: client.id, grants }, contact, item)) return 0;
  const keyId = await claim(tx, tenant.id, row, d, 'client', client.id);
  if (!keyId) return 0;
  const locale = localeOf(client, tenant);
  const values = { days: d.days, product: row.product };
  const canWrite = ownTicketRights(grants).write;
  const base = tenantBaseUrl(tenant);
  const url = canWrite
    ? `${base}/portal/messages/new?vertrag=${row.contractId}&frist=${encodeURIComponent(d.deadline.id)}`
    : `${base}/portal/contracts/${row.contractId}`;
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
  return 1;
}

/**
 * The reminders of one tenant: its changed contracts computed first (lib/deadline-store), then the stored
 * deadlines of the next `max(steps)` days page by page, each page in one transaction with its mails.
 */
export async function remindTenant(database: Db, tenant: Tenant, today: CalendarDate): Promise<number> {
  await catchUp(database, tenant.id, today, Number.POSITIVE_INFINITY);
  const steps = await reminderDaysOf(database, tenant.id);
  const where = candidateWhere(tenant.id, today, Math.max(...steps));
  const brand = await database.transaction((tx) => brandFor(tx, tenant));
  const run: TenantRun = { tenant, brand, today, steps };
  let after: PageKey | null = null;
  let sent = 0;
  for (;;) {
    const page: { last: PageKey | null; sent: number } = await database.transaction(async (tx) => {
      const rows = await claimCandidates(tx, where, after, pageSize);
      let n = 0;
      for (const row of rows) {
        const due = dueOf(row, today, run.steps);
        if (!due) continue;
        n += await remindEmployees(tx, run, row, due);
        n += await remindClient(tx, run, row, due);
      }
      const last = rows.at(-1);
      return { last: rows.length === pageSize && last ? last : null, sent: n };
    });
    sent += page.sent;
    if (!page.last) return sent;
    after = { lastDay: page.last.lastDay, contractId: page.last.contractId, deadlineId: page.last.deadlineId };
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
