/**
 * FRISTEN and BESTAND at 50,000 contracts: the stored deadlines (contract_deadlines) are computed once by
 * the worker, agree with the engine, and the list, the start page's count, the reminders' candidates and the
 * cockpit's request are read through indexes – an EXPLAIN fails on a sequential scan of contracts or of the
 * stored deadlines.
 */
import { sql as dsql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type postgres from 'postgres';
import type { Ctx } from '../../lib/ctx';
import type { Db } from '../../lib/db/client';
import { portfolioSnapshots } from '../../lib/db/schema';
import { drainAll } from '../../lib/deadline-store';
import { contractDeadlines, date, deadlineInput } from '../../lib/deadlines';
import { countUpcomingDeadlines, listDeadlines } from '../../lib/fristen';
import { exportResponse } from '../../lib/fristen/http';
import { countQuery, pageQuery } from '../../lib/fristen/stored';
import { inWindow } from '../../lib/fristen/window';
import { candidateWhere, claimCandidates } from '../../lib/reminders/candidates';
import { cockpitFigures, viewOf } from '../../lib/bestand/snapshot';
import { ctxFor } from './ctx';
import { testDb } from './db';
import { makeWorld, type World } from './folder-world';

let db: Db;
let pg: postgres.Sql;
let w: World;
const N = 50_000;
const today = date(2026, 12, 2);

beforeAll(async () => {
  let owner: postgres.Sql;
  ({ db, sql: pg, owner } = await testDb());
  w = await makeWorld(db, 'fristen-gross');
  // 50,000 contracts of the tenant's contacts, in SQL (as the import's bulk apply writes them): the trigger
  // queues every one, the worker computes them.
  await pg`
    insert into contracts (tenant_id, contact_id, area, status, product, provider, sparte, start_date, main_due_date)
    select ${w.A.id}::uuid,
           (array[${w.k1.id}::uuid, ${w.k2.id}::uuid])[1 + i % 2],
           case when i % 5 = 0 then 'finance' else 'insurance' end,
           case when i % 17 = 0 then 'gekündigt' else 'aktiv' end,
           case when i % 3 = 0 then 'Kfz-Versicherung' else 'Hausratversicherung' end,
           'Versicherer ' || (i % 40),
           case when i % 3 = 0 then '050' else null end,
           date '2004-01-01' + (i % 7000),
           case when i % 4 = 0 then null else date '2026-01-01' + (i % 365) end
    from generate_series(1, ${N}) as i`;
  const started = performance.now();
  const computed = await drainAll(db, today);
  console.info(`stored deadlines of ${computed} contracts in ${Math.round(performance.now() - started)} ms`);
  // The owner: the app role may not ANALYZE or VACUUM.
  await owner`analyze contracts`;
  await owner`vacuum analyze contract_deadlines`; // the steady state autovacuum keeps: index-only counts
  await owner`analyze contract_deadline_queue`;
}, 300_000);

const ctx = (): Promise<Ctx> => ctxFor(db, w.A.id, w.adminA);
const seqScan = /Seq Scan on (contracts|contract_deadlines|contract_deadline_queue|portfolio_snapshots)\b/;

async function plan(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<string> {
  const { sql, params } = query.toSQL();
  const rows = await pg.unsafe(`explain ${sql}`, params as postgres.ParameterOrJSON<never>[]);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

describe('FRISTEN at 50,000 contracts', () => {
  it('stores exactly what the engine says for every window', async () => {
    const rows = await pg<Parameters<typeof deadlineInput>[0][]>`
      select c.status, c.sparte, pl.sparte as "productLineSparte", c.start_date::text as "startDate",
        c.end_date::text as "endDate", c.main_due_date::text as "mainDueDate", c.notice_months as "noticeMonths",
        c.auto_renewal as "autoRenewal", null as "premiumIncreaseReceivedOn", null as "claimSettledOn",
        null as "acquiredOn", c.partial_dates as "partialDates"
      from contracts c left join product_lines pl on pl.area = c.area and pl.name = c.product
      where c.tenant_id = ${w.A.id} and c.area = 'insurance'`;
    const c = await ctx();
    for (const window of ['overdue', '30', '90', '180'] as const) {
      let expected = 0;
      for (const r of rows)
        for (const d of contractDeadlines(deadlineInput(r), today)) if (inWindow(d, window, today)) expected++;
      const { total } = await listDeadlines(c, { window, today, limit: 1 });
      expect(total, window).toBe(expected);
      if (window !== 'overdue') expect(total).toBeGreaterThan(0);
    }
  });

  it('reads the list, the count and the reminders through the index, never a sequential scan', async () => {
    const c = await ctx();
    const scoped = await ctxFor(db, w.A.id, w.scoped);
    const plans = [
      await plan(pageQuery(c, { window: '30' }, today, null, 51)),
      await plan(
        pageQuery(
          c,
          { window: '180' },
          today,
          `2027-03-01|80000000-0000-0000-0000-000000000000|ordinary:2027-06-01`,
          51,
        ),
      ),
      await plan(pageQuery(c, { window: 'overdue', showDone: true }, today, null, 51)),
      await plan(pageQuery(c, { window: '90', sparte: '050', provider: 'Versicherer 3' }, today, null, 51)),
      await plan(pageQuery(c, { window: '90', advisorId: w.writer.id }, today, null, 51)),
      await plan(pageQuery(scoped, { window: '180' }, today, null, 51)),
      await plan(countQuery(c, { window: '180' }, today)),
      await plan(countQuery(c, { window: 30 }, today)),
      await plan(countQuery(scoped, { window: 30 }, today)),
      await plan(claimCandidates(db, candidateWhere(w.A.id, today, 30), null, 50)),
    ];
    expect(plans[0]).toMatch(/contract_deadlines_tenant_day_idx/);
    expect(plans[6]).toMatch(/contract_deadlines_tenant_day_idx/);
    for (const p of plans) {
      expect(p, p).not.toMatch(seqScan);
      expect(p, p).toMatch(
        /(Index|Index Only|Bitmap Index) Scan (using|on) contract_deadlines_tenant_(day|contact)_idx/,
      );
    }
  });

  it('answers the 180-day window and the count in a bounded time', async () => {
    const c = await ctx();
    await listDeadlines(c, { window: '30', today, limit: 50 }); // warm
    const started = performance.now();
    const list = await listDeadlines(c, { window: '180', today, limit: 50 });
    const count = await countUpcomingDeadlines(c, 30, today);
    const ms = performance.now() - started;
    expect(list.items).toHaveLength(50);
    expect(list.total).toBeGreaterThan(10_000);
    expect(count).toBeGreaterThan(0);
    console.info(
      `FRISTEN 180 days + start-page count over ${N} contracts: ${list.total} deadlines, ${Math.round(ms)} ms`,
    );
    expect(ms).toBeLessThan(3_000);
  });

  it('exports the whole 180-day window as CSV', async () => {
    const c = await ctx();
    const res = await exportResponse(c, { window: '180', today });
    const lines = (await res.text()).trim().split('\r\n');
    const { total } = await listDeadlines(c, { window: '180', today, limit: 1 });
    expect(lines.length).toBe(total + 1);
  });
});

describe('BESTAND at 50,000 contracts', () => {
  it('serves the cockpit from its snapshot (a primary-key read), at most 5 minutes old', async () => {
    const c = await ctx();
    const first = await cockpitFigures(c);
    expect(first.figures.totals.contracts).toBeGreaterThan(40_000);
    const again = await cockpitFigures(c);
    expect(again.computedAt.getTime()).toBe(first.computedAt.getTime());
    const text = await plan(
      db
        .select()
        .from(portfolioSnapshots)
        .where(
          dsql`${portfolioSnapshots.tenantId} = ${w.A.id}::uuid and ${portfolioSnapshots.view} = ${viewOf(c, '2026-12-02')}`,
        ),
    );
    expect(text, text).not.toMatch(seqScan);
    expect(text).toMatch(/portfolio_snapshots_pkey/);
    // Six minutes later the figures are recomputed.
    const later = await cockpitFigures(c, Date.now() + 6 * 60_000);
    expect(later.computedAt.getTime()).toBeGreaterThan(first.computedAt.getTime());
  });
});
