import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../lib/db/client';
import { contractReminderOptins, contracts, deadlineReminders, outbox, users } from '../../lib/db/schema';
import { contractDeadlines, date, deadlineInput, toIso } from '../../lib/deadlines';
import { remindTenant, runDeadlineReminders, stepFor } from '../../lib/jobs/reminders';
import { saveGrants } from '../../lib/grants';
import { candidateWhere, claimCandidates } from '../../lib/reminders/candidates';
import { contractReminderOn, setContractReminder } from '../../lib/reminders/optin';
import { reminderTicketPrefill } from '../../lib/reminders/prefill';
import { reminderDaysOf, saveReminderSettings } from '../../lib/reminders/settings';
import { reminderSettingsSchema } from '../../lib/reminders/schemas';
import { ctxFor } from './ctx';
import { testDb } from './db';
import { contact, employee, everywhere, level, makeWorld, sw, type World } from './folder-world';

let db: Db;
let url: string;
let tableOwner: import('postgres').Sql;
let w: World;
const today = date(2026, 9, 10);
/** Hauptfälligkeit 01.01.2027, 3 months → last day 30.09.2026: 20 days ahead, the 30-day step. */
const dueSoon = {
  area: 'insurance' as const,
  product: 'Privathaftpflicht',
  sparte: '040',
  mainDueDate: '2027-01-01',
  autoRenewal: true,
  status: 'aktiv' as const,
};

beforeAll(async () => {
  ({ db, url, owner: tableOwner } = await testDb());
  w = await makeWorld(db, 'erinnerung');
});

const mailsTo = async (template: string) =>
  (await db.select().from(outbox).where(eq(outbox.template, template))).length;

describe('deadline reminders', () => {
  it('stepFor: the smallest step reached, nothing before the first or after the last day', () => {
    expect(stepFor(20, [30, 7])).toBe(30);
    expect(stepFor(7, [30, 7])).toBe(7);
    expect(stepFor(3, [30, 7])).toBe(7);
    expect(stepFor(31, [30, 7])).toBeNull();
    expect(stepFor(-1, [30, 7])).toBeNull();
  });

  it('two workers in parallel over 1,000 deadlines write every reminder exactly once', async () => {
    const owner = await contact(db, w.A, 'Tausend', w.writer.id);
    await db.insert(contracts).values(
      Array.from({ length: 1000 }, (_, i) => ({
        ...dueSoon,
        tenantId: w.A.id,
        contactId: owner.id,
        number: `T-${i}`,
      })),
    );
    // A contract far from any step and one of another tenant stay out.
    await db.insert(contracts).values([
      { ...dueSoon, tenantId: w.A.id, contactId: owner.id, mainDueDate: '2027-06-01', number: 'later' },
      { ...dueSoon, tenantId: w.B.id, contactId: w.contactB.id, number: 'fremd' },
    ]);
    const rows = await db.select().from(contracts).where(eq(contracts.contactId, owner.id));
    const expected = rows.flatMap((r) =>
      contractDeadlines(deadlineInput(r), today, { graceDays: 0 }).filter(
        (d) =>
          d.state === 'open' &&
          stepFor((Date.parse(toIso(d.lastDay)) - Date.parse(toIso(today))) / 864e5, [30, 7]) != null,
      ),
    ).length;
    expect(expected).toBe(1000);

    const second = createDb(url, 4);
    try {
      const [a, b] = await Promise.all([remindTenant(db, w.A, today), remindTenant(second.db, w.A, today)]);
      expect(a + b).toBe(1000);
    } finally {
      await second.sql.end({ timeout: 5 });
    }
    const mails = await db.select().from(outbox).where(eq(outbox.template, 'deadline.advisor'));
    expect(mails).toHaveLength(1000);
    expect(mails.every((m) => m.toAddress === w.writer.email)).toBe(true);
    const keys = await db.select().from(deadlineReminders).where(eq(deadlineReminders.tenantId, w.A.id));
    expect(keys).toHaveLength(1000);
    expect(new Set(keys.map((k) => `${k.contractId}|${k.deadlineId}|${k.step}`)).size).toBe(1000);
    expect(keys.every((k) => k.outboxId && k.step === 30 && k.deadlineId.startsWith('ordinary:'))).toBe(true);
    // Mail words: the recipient's language, the last day, no client name.
    expect(mails[0]!.subject).toBe('Frist in 20 Tagen: Privathaftpflicht');
    expect(mails[0]!.text).toContain('30.09.2026');
    expect(mails[0]!.text).not.toContain('Tausend');

    // Again (another hour, another instance): nothing new here; the other tenant's contract gets its own.
    expect(await runDeadlineReminders(db, today)).toBe(1);
    expect(await mailsTo('deadline.advisor')).toBe(1001);
    const [fremd] = await db.select().from(outbox).where(eq(outbox.tenantId, w.B.id));
    expect(fremd!.toAddress).toBe(w.writerB.email);
    // Thirteen days later the 7-day step is reached: one more each.
    expect(await remindTenant(db, w.A, date(2026, 9, 23))).toBe(1000);
    await db.delete(contracts).where(eq(contracts.contactId, owner.id));
    await db.delete(outbox);
  }, 400_000);

  it("finds candidates through the stored deadlines' index, not by reading every contract", async () => {
    const owner = await contact(db, w.A, 'Fünftausend', w.writer.id);
    const far = {
      ...dueSoon,
      tenantId: w.A.id,
      contactId: owner.id,
      mainDueDate: '2027-05-15',
      startDate: '2020-05-15',
    };
    await db.insert(contracts).values(Array.from({ length: 5000 }, () => far));
    expect(await remindTenant(db, w.A, today)).toBe(0); // computes the 5,000 (queued by the trigger) first
    await tableOwner`analyze contracts`; // the owner: the app role may not ANALYZE
    await tableOwner`analyze contract_deadlines`;
    const where = candidateWhere(w.A.id, today, 30);
    const plan = await db.transaction(async (tx) => {
      const query = claimCandidates(tx, where, null, 50).toSQL();
      const explained = await tx.execute(sql.raw(`explain ${inline(query.sql, query.params)}`));
      return explained.map((r) => Object.values(r)[0]).join('\n');
    });
    expect(plan).toContain('contract_deadlines_tenant_day_idx');
    expect(plan).not.toMatch(/Seq Scan on (contracts|contract_deadlines)/);
    expect(await claimCandidates(db, where, null, 50)).toHaveLength(0);
    await db.delete(contracts).where(eq(contracts.contactId, owner.id));
  });

  it('a contact without (active) BETREUER: the admins are reminded, once each, with two workers at once', async () => {
    const orphan = await contact(db, w.A, 'OhneBetreuer', null);
    const left = await employee(db, w.A, 'Ausgeschieden', level('write'));
    await db.update(users).set({ status: 'locked' }).where(eq(users.id, left.id));
    const leftBehind = await contact(db, w.A, 'Verwaist', left.id);
    const extraAdmin = await employee(db, w.A, 'Zweitadmin', level('write'));
    await db.update(users).set({ role: 'admin' }).where(eq(users.id, extraAdmin.id));
    await db.insert(contracts).values([
      ...Array.from({ length: 20 }, (_, i) => ({
        ...dueSoon,
        tenantId: w.A.id,
        contactId: orphan.id,
        number: `O-${i}`,
      })),
      { ...dueSoon, tenantId: w.A.id, contactId: leftBehind.id, number: 'V-1' },
    ]);
    const admins = (
      await db
        .select({ email: users.email })
        .from(users)
        .where(and(eq(users.tenantId, w.A.id), eq(users.role, 'admin'), eq(users.status, 'active')))
    ).map((a) => a.email);
    expect(admins.length).toBeGreaterThanOrEqual(2);
    await db.delete(outbox);
    const second = createDb(url, 4);
    try {
      const [a, b] = await Promise.all([remindTenant(db, w.A, today), remindTenant(second.db, w.A, today)]);
      expect(a + b).toBe(21 * admins.length);
    } finally {
      await second.sql.end({ timeout: 5 });
    }
    expect(await remindTenant(db, w.A, today)).toBe(0);
    const mails = await db.select().from(outbox).where(eq(outbox.template, 'deadline.advisor'));
    expect(mails).toHaveLength(21 * admins.length);
    for (const email of admins) expect(mails.filter((m) => m.toAddress === email)).toHaveLength(21);
    expect(mails.every((m) => !m.text.includes('OhneBetreuer') && m.text.includes('BETREUER'))).toBe(true);
    expect(mails.some((m) => m.toAddress === left.email)).toBe(false);
    const keys = await db
      .select()
      .from(deadlineReminders)
      .where(and(eq(deadlineReminders.tenantId, w.A.id), eq(deadlineReminders.audience, 'admins')));
    expect(keys).toHaveLength(21);
    await db.delete(contracts).where(inArray(contracts.contactId, [orphan.id, leftBehind.id]));
    await db.update(users).set({ role: 'employee' }).where(eq(users.id, extraAdmin.id));
  }, 200_000);

  it('EINSTELLUNGEN: days per tenant, admins only, bad input refused', async () => {
    expect(await reminderDaysOf(db, w.A.id)).toEqual([30, 7]);
    expect(reminderSettingsSchema.safeParse({ days: '0, 7' }).success).toBe(false);
    expect(reminderSettingsSchema.safeParse({ days: 'dreißig' }).success).toBe(false);
    const parsed = reminderSettingsSchema.parse({ days: '14; 60 14' });
    await expect(saveReminderSettings(await ctxFor(db, w.A, w.writer), parsed)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await saveReminderSettings(await ctxFor(db, w.A, w.adminA), parsed);
    expect(await reminderDaysOf(db, w.A.id)).toEqual([60, 14]);
    expect(await reminderDaysOf(db, w.B.id)).toEqual([30, 7]);
    await saveReminderSettings(await ctxFor(db, w.A, w.adminA), { days: [30, 7] });
  });

  it('a client who can see the contract switches the reminder on and is invited to write to the advisor', async () => {
    const [c] = await db
      .insert(contracts)
      .values({ ...dueSoon, tenantId: w.A.id, contactId: w.clients.rel.id, provider: 'Muster AG' })
      .returning();
    const ctx = await ctxFor(db, w.A, w.clients.rel);
    await setContractReminder(ctx, { contractId: c!.id, on: true });
    expect(await contractReminderOn(ctx, { contractId: c!.id })).toBe(true);
    expect(await remindTenant(db, w.A, today)).toBe(2);
    const [mail] = await db.select().from(outbox).where(eq(outbox.template, 'deadline.client'));
    expect(mail!.toAddress).toBe(w.clients.rel.email);
    expect(mail!.html).toContain(`/portal/messages/new?vertrag=${c!.id}&amp;frist=ordinary%3A2027-01-01`);
    const prefill = await reminderTicketPrefill(ctx, { contractId: c!.id, deadlineId: 'ordinary:2027-01-01' });
    expect(prefill?.subject).toContain('Privathaftpflicht');
    expect(prefill?.contractId).toBe(c!.id);
    // Switched off: no more client mails (the 7-day step reaches the advisor only).
    await setContractReminder(ctx, { contractId: c!.id, on: false });
    expect(await remindTenant(db, w.A, date(2026, 9, 25))).toBe(1);
  });

  it('refuses the switch without FREIGABE for the area, for another client and across tenants', async () => {
    const [c] = await db
      .insert(contracts)
      .values({ ...dueSoon, tenantId: w.A.id, contactId: w.clients.none.id })
      .returning();
    const [own] = await db
      .insert(contracts)
      .values({ ...dueSoon, tenantId: w.A.id, contactId: w.clients.rel.id, number: 'zwei' })
      .returning();
    for (const [who, contractId] of [
      [w.clients.none, c!.id], // no FREIGABE for VERSICHERUNGEN
      [w.clients.act, own!.id], // another client's contract
      [w.clientB, own!.id], // another tenant's client
    ] as const) {
      const ctx = await ctxFor(db, who.tenantId === w.A.id ? w.A : w.B, who);
      await expect(setContractReminder(ctx, { contractId, on: true })).rejects.toMatchObject({ code: 'not_found' });
    }
    expect(await db.select().from(contractReminderOptins).where(eq(contractReminderOptins.contractId, c!.id))).toEqual(
      [],
    );
  });

  it('stops the client mail once the FREIGABE is withdrawn', async () => {
    const client = await contact(db, w.A, 'Widerruf', w.writer.id, {
      by: w.adminA,
      grants: everywhere(sw(false, true, false)),
    });
    const [c] = await db
      .insert(contracts)
      .values({ ...dueSoon, tenantId: w.A.id, contactId: client.id })
      .returning();
    await setContractReminder(await ctxFor(db, w.A, client), { contractId: c!.id, on: true });
    await saveGrants(await ctxFor(db, w.A, w.adminA), {
      contactId: client.id,
      grants: everywhere(sw(false, false, false)),
    });
    await remindTenant(db, w.A, today);
    const sent = await db
      .select()
      .from(deadlineReminders)
      .where(and(eq(deadlineReminders.contractId, c!.id), eq(deadlineReminders.audience, 'client')));
    expect(sent).toEqual([]);
  });
});

/** Parameters inlined for EXPLAIN (test only: numbers, dates and uuids from the test itself). */
function inline(text: string, params: unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, i) => {
    const v = params[Number(i) - 1];
    return typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
  });
}

afterAll(() => undefined);
