import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportScope } from '../../lib/access/privacy';
import { createDb, type Db } from '../../lib/db/client';
import { auditLog, contractReminderOptins, contracts, followUpNotices, followUps, outbox } from '../../lib/db/schema';
import { addDays, calendarDay, toIso } from '../../lib/deadlines';
import { createFollowUp } from '../../lib/follow-ups/create';
import { setFollowUpDone } from '../../lib/follow-ups/done';
import { assigneeOptions, contactFollowUps, countFollowUps, myFollowUps } from '../../lib/follow-ups/list';
import { createFollowUpSchema } from '../../lib/follow-ups/schemas';
import { runFollowUpMails } from '../../lib/jobs/follow-ups';
import { deleteContact } from '../../lib/privacy/delete';
import { exportData } from '../../lib/privacy/export-data';
import { loadExportRows } from '../../lib/privacy/export-load';
import { setContractReminder } from '../../lib/reminders/optin';
import { ctxFor } from './ctx';
import { testDb } from './db';
import { contact, everywhere, makeWorld, sw, type World } from './folder-world';

let db: Db;
let url: string;
let w: World;
const today = calendarDay(new Date());
const day = (n: number) => toIso(addDays(today, n));

beforeAll(async () => {
  ({ db, url } = await testDb());
  w = await makeWorld(db, 'wiedervorlage');
});

const create = async (dueOn: string, note: string, contactId = w.k2.id, assigneeId = w.writer.id) =>
  createFollowUp(await ctxFor(db, w.A, w.writer), { contactId, contractId: null, assigneeId, dueOn, note });

describe('WIEDERVORLAGEN', () => {
  it('sorts my follow-ups into overdue, today, this week and later; counts for the start page', async () => {
    await create(day(-2), 'Überfällig');
    await create(day(0), 'Heute anrufen');
    await create(day(40), 'Später');
    const ctx = await ctxFor(db, w.A, w.writer);
    const mine = await myFollowUps(ctx);
    expect(mine.overdue.map((f) => f.note)).toEqual(['Überfällig']);
    expect(mine.today.map((f) => f.note)).toEqual(['Heute anrufen']);
    expect(mine.later.map((f) => f.note)).toEqual(['Später']);
    expect(await countFollowUps(ctx, 'today')).toBe(1);
    expect(await countFollowUps(ctx, 'overdue')).toBe(1);
    expect(await countFollowUps(await ctxFor(db, w.A, w.reader), 'today')).toBe(0);
    const audited = await db.select().from(auditLog).where(eq(auditLog.action, 'followUp.created'));
    expect(audited.length).toBeGreaterThanOrEqual(3);
  });

  it('done and reopen, audited', async () => {
    const { id } = await create(day(1), 'Erledigen');
    const ctx = await ctxFor(db, w.A, w.writer);
    await setFollowUpDone(ctx, { id, done: true });
    expect((await myFollowUps(ctx)).done.map((f) => f.id)).toContain(id);
    await setFollowUpDone(ctx, { id, done: false });
    const [row] = await db.select().from(followUps).where(eq(followUps.id, id));
    expect(row!.doneAt).toBeNull();
    const actions = (await db.select().from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['followUp.done', 'followUp.reopened']));
  });

  it('on a contract: the contract must belong to the contact; assignees are who may see it', async () => {
    const [c] = await db
      .insert(contracts)
      .values({ tenantId: w.A.id, contactId: w.k2.id, area: 'insurance', product: 'Hausrat' })
      .returning();
    const ctx = await ctxFor(db, w.A, w.writer);
    await createFollowUp(ctx, {
      contactId: w.k2.id,
      contractId: c!.id,
      assigneeId: w.writer.id,
      dueOn: day(3),
      note: 'Vertrag',
    });
    expect((await contactFollowUps(ctx, { contactId: w.k2.id, contractId: c!.id })).map((f) => f.note)).toEqual([
      'Vertrag',
    ]);
    await expect(
      createFollowUp(ctx, { contactId: w.k1.id, contractId: c!.id, assigneeId: w.writer.id, dueOn: day(3), note: 'x' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const names = (await assigneeOptions(ctx, { contactId: w.k2.id })).map((a) => a.id);
    expect(names).toEqual(expect.arrayContaining([w.writer.id, w.reader.id, w.adminA.id]));
    expect(names).not.toContain(w.scoped.id); // scope "own", not the BETREUER of k2
    expect(names).not.toContain(w.noRights.id);
    expect(names).not.toContain(w.writerB.id);
  });

  it('refuses bad input with field messages', () => {
    const r = createFollowUpSchema.safeParse({ contactId: w.k2.id, assigneeId: '', dueOn: '31.02.2027', note: ' ' });
    expect(r.success).toBe(false);
    const fields = r.error!.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'assigneeId:followUps.errors.assignee',
        'dueOn:followUps.errors.dueOn',
        'note:followUps.errors.note',
      ]),
    );
  });

  it('mails the assignee on the due day exactly once, even with two workers', async () => {
    await db.delete(outbox);
    const second = createDb(url, 2);
    try {
      const [a, b] = await Promise.all([runFollowUpMails(db, today), runFollowUpMails(second.db, today)]);
      // Due today and the overdue one of two days ago (catch-up), both open.
      expect(a + b).toBe(2);
    } finally {
      await second.sql.end({ timeout: 5 });
    }
    expect(await runFollowUpMails(db, today)).toBe(0);
    const mails = await db.select().from(outbox).where(eq(outbox.template, 'followUp.due'));
    expect(mails).toHaveLength(2);
    expect(mails.every((m) => m.toAddress === w.writer.email)).toBe(true);
    expect(mails[0]!.text).not.toContain('Heute anrufen');
    expect(await db.select().from(followUpNotices)).toHaveLength(2);
  });

  it('is part of the DATENEXPORT (advisor) and removed by KONTAKT LÖSCHEN', async () => {
    const client = await contact(db, w.A, 'Exportiert', w.writer.id, {
      by: w.adminA,
      grants: everywhere(sw(false, true, false)),
    });
    await create(day(5), 'Exportnotiz', client.id);
    const [c] = await db
      .insert(contracts)
      .values({ tenantId: w.A.id, contactId: client.id, area: 'insurance', product: 'Kfz' })
      .returning();
    await setContractReminder(await ctxFor(db, w.A, client), { contractId: c!.id, on: true });
    const ctx = await ctxFor(db, w.A, w.adminA);
    const rows = (await loadExportRows(ctx, client.id))!;
    const facts = { id: client.id, advisorId: w.writer.id };
    const full = exportData(rows, exportScope({ kind: 'employee', employee: w.adminA }, facts), w.A, 'de').data;
    expect(full.wiedervorlagen).toEqual([expect.objectContaining({ notiz: 'Exportnotiz', faelligAm: day(5) })]);
    expect(full.vertraege[0]!.erinnerung).not.toBeNull();
    const own = exportData(
      rows,
      exportScope({ kind: 'client', clientId: client.id, grants: rows.grants }, facts),
      w.A,
      'de',
    ).data;
    expect(own.wiedervorlagen).toBeUndefined(); // the firm's internal notes stay out of the client's own export
    expect(own.vertraege[0]!.erinnerung).not.toBeNull();

    await deleteContact(ctx, { contactId: client.id, confirmName: `${client.firstName} ${client.lastName}` });
    expect(await db.select().from(followUps).where(eq(followUps.contactId, client.id))).toEqual([]);
    expect(await db.select().from(contractReminderOptins).where(eq(contractReminderOptins.userId, client.id))).toEqual(
      [],
    );
  });
});
