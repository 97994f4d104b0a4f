/**
 * The stored deadlines (lib/deadline-store) stay correct without any writer calling them: the trigger on
 * contracts queues every relevant change (bulk SQL like the import's apply included), the contract form
 * recomputes at once, deletes cascade, the daily roll moves a passed deadline to the next year, "erledigt"
 * survives a recomputation, and two workers draining at once neither double nor lose a row.
 */
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type postgres from 'postgres';
import { createContract } from '../../lib/contracts/create';
import { deleteContract } from '../../lib/contracts/delete';
import { updateContract } from '../../lib/contracts/update';
import { createDb, type Db } from '../../lib/db/client';
import { contractDeadlineQueue, contractDeadlines, contracts } from '../../lib/db/schema';
import { drainAll, drainOnce } from '../../lib/deadline-store';
import { date } from '../../lib/deadlines';
import { listDeadlines, markDeadlineDone } from '../../lib/fristen';
import { ctxFor } from './ctx';
import { testDb } from './db';
import { contractForm, makeWorld, type World } from './folder-world';

let db: Db;
let pg: postgres.Sql;
let url: string;
let w: World;

beforeAll(async () => {
  ({ db, sql: pg, url } = await testDb());
  w = await makeWorld(db, 'frist-store');
});

const queued = async (contractId: string) =>
  (await db.select().from(contractDeadlineQueue).where(eq(contractDeadlineQueue.contractId, contractId)))[0] ?? null;
const stored = (contractId: string) =>
  db
    .select({
      id: contractDeadlines.deadlineId,
      lastDay: contractDeadlines.lastDay,
      provider: contractDeadlines.provider,
    })
    .from(contractDeadlines)
    .where(eq(contractDeadlines.contractId, contractId));

describe('stored deadlines', () => {
  it('a bulk SQL insert and update (no call into FRISTEN) are queued by the trigger and computed', async () => {
    const [row] = await pg<{ id: string }[]>`
      insert into contracts (tenant_id, contact_id, area, status, product, sparte, main_due_date)
      values (${w.A.id}, ${w.k2.id}, 'insurance', 'aktiv', 'Kfz-Versicherung', '050', '2027-01-01') returning id`;
    const id = row!.id;
    expect((await queued(id))?.dueOn).toBe('-infinity');
    await drainAll(db, date(2026, 11, 1));
    expect(await stored(id)).toEqual([{ id: 'motor:2027-01-01', lastDay: '2026-11-30', provider: null }]);
    expect((await queued(id))?.dueOn).toBe('2026-12-01'); // the roll: the day after the last day

    // A column the engine does not read: no work queued.
    await pg`update contracts set number = 'X-1', premium_cents = 1200 where id = ${id}`;
    expect((await queued(id))?.dueOn).toBe('2026-12-01');
    // The Hauptfälligkeit moves: queued, recomputed.
    await pg`update contracts set main_due_date = '2027-04-01', provider = 'Neu AG' where id = ${id}`;
    expect((await queued(id))?.dueOn).toBe('-infinity');
    await drainAll(db, date(2026, 11, 1));
    expect(await stored(id)).toEqual([{ id: 'motor:2027-04-01', lastDay: '2027-02-28', provider: 'Neu AG' }]);
    // Ended: no deadlines, nothing queued.
    await pg`update contracts set status = 'gekündigt' where id = ${id}`;
    await drainAll(db, date(2026, 11, 1));
    expect(await stored(id)).toEqual([]);
    expect(await queued(id)).toBeNull();
  });

  it('the contract form shows the new deadline at once; deleting the contract removes its rows', async () => {
    const ctx = await ctxFor(db, w.A.id, w.writer);
    const { id } = await createContract(ctx, {
      ...contractForm('insurance', { mainDueDate: '01.01.2028', autoRenewal: 'yes' }),
      contactId: w.k2.id,
    });
    expect(await queued(id)).not.toEqual(expect.objectContaining({ dueOn: '-infinity' }));
    expect((await stored(id)).map((d) => d.id)).toEqual(['motor:2028-01-01']);
    await updateContract(ctx, {
      ...contractForm('insurance', { mainDueDate: '01.03.2028', autoRenewal: 'yes' }),
      id,
    });
    expect((await stored(id)).map((d) => d.id)).toEqual(['motor:2028-03-01']);
    await deleteContract(ctx, { id });
    expect(await stored(id)).toEqual([]);
    expect(await queued(id)).toBeNull();
  });

  it('"erledigt" survives a recomputation (same contract, kind and due date)', async () => {
    const [row] = await db
      .insert(contracts)
      .values({
        tenantId: w.A.id,
        contactId: w.k2.id,
        area: 'insurance',
        status: 'aktiv',
        product: 'Privathaftpflicht',
        sparte: '040',
        mainDueDate: new Date(Date.now() + 100 * 864e5).toISOString().slice(0, 10),
      })
      .returning({ id: contracts.id });
    const admin = await ctxFor(db, w.A.id, w.adminA);
    const entry = (await listDeadlines(admin, { window: '90', showDone: true })).items.find(
      (i) => i.contractId === row!.id,
    )!;
    await markDeadlineDone(await ctxFor(db, w.A.id, w.writer), {
      contractId: row!.id,
      deadlineId: entry.deadline.id,
      note: 'besprochen',
    });
    await pg`update contracts set provider = 'Anderer Versicherer', notice_months = 3 where id = ${row!.id}`;
    const after = (await listDeadlines(admin, { window: '90', showDone: true })).items.find(
      (i) => i.contractId === row!.id,
    )!;
    expect(after.deadline.id).toBe(entry.deadline.id);
    expect(after.done).toMatchObject({ note: 'besprochen' });
    expect(after.provider).toBe('Anderer Versicherer');
    expect((await listDeadlines(admin, { window: '90' })).items.some((i) => i.contractId === row!.id)).toBe(false);
  });

  it('the daily roll: a renewing contract whose deadline passed shows next year’s', async () => {
    const [row] = await pg<{ id: string }[]>`
      insert into contracts (tenant_id, contact_id, area, status, product, sparte, main_due_date, start_date)
      values (${w.A.id}, ${w.k1.id}, 'insurance', 'aktiv', 'Hausrat', '130', '2026-01-01', '2004-01-01') returning id`;
    await drainAll(db, date(2025, 9, 1));
    expect((await stored(row!.id)).map((d) => d.lastDay)).toEqual(['2025-09-30']);
    expect((await queued(row!.id))?.dueOn).toBe('2025-10-01');
    // Not due yet: untouched.
    expect(await drainOnce(db, { tenantId: w.A.id, today: date(2025, 9, 30) })).toBe(0);
    await drainAll(db, date(2025, 10, 1));
    expect((await stored(row!.id)).map((d) => d.lastDay).sort()).toEqual(['2025-09-30', '2026-09-30']);
    const [late] = await db
      .select()
      .from(contractDeadlineQueue)
      .where(and(eq(contractDeadlineQueue.contractId, row!.id)));
    expect(late!.dueOn).toBe('2025-10-31'); // the overdue one leaves the grace window
    await drainAll(db, date(2025, 10, 31));
    expect((await stored(row!.id)).map((d) => d.lastDay)).toEqual(['2026-09-30']);
  });

  it('two workers draining 3,000 dirty contracts at once: every contract once, no row twice', async () => {
    await pg`
      insert into contracts (tenant_id, contact_id, area, status, product, sparte, main_due_date)
      select ${w.A.id}, ${w.k2.id}, 'insurance', 'aktiv', 'Kfz-Versicherung', '050', date '2027-01-01' + (i % 300)
      from generate_series(1, 3000) as i`;
    const second = createDb(url, 2);
    try {
      const [a, b] = await Promise.all([drainAll(db, date(2026, 11, 1)), drainAll(second.db, date(2026, 11, 1))]);
      expect(a + b).toBeGreaterThanOrEqual(3000);
    } finally {
      await second.sql.end({ timeout: 5 });
    }
    const [counts] = await db.execute<{ contracts: number; rows: number; dirty: number }>(sql`
      select (select count(*)::int from contracts where tenant_id = ${w.A.id}::uuid and product = 'Kfz-Versicherung'
                and status = 'aktiv' and main_due_date >= '2027-01-01' and sparte = '050') as contracts,
             (select count(*)::int from contract_deadlines where tenant_id = ${w.A.id}::uuid and kind = 'motor'
                and last_day >= '2026-11-30') as rows,
             (select count(*)::int from contract_deadline_queue where due_on = '-infinity') as dirty`);
    expect(counts!.dirty).toBe(0);
    expect(counts!.rows).toBe(counts!.contracts);
  });

  it('a product line whose Sparte changes marks its contracts without own Sparte dirty', async () => {
    const [line] = await pg<{ name: string; sparte: string | null }[]>`
      select name, sparte from product_lines where area = 'insurance' and sparte is not null limit 1`;
    const [row] = await pg<{ id: string }[]>`
      insert into contracts (tenant_id, contact_id, area, status, product, main_due_date)
      values (${w.A.id}, ${w.k2.id}, 'insurance', 'aktiv', ${line!.name}, '2027-01-01') returning id`;
    await drainAll(db);
    await pg`update product_lines set sparte = '050' where area = 'insurance' and name = ${line!.name}`;
    try {
      expect((await queued(row!.id))?.dueOn).toBe('-infinity');
    } finally {
      await pg`update product_lines set sparte = ${line!.sparte} where area = 'insurance' and name = ${line!.name}`;
    }
  });
});
