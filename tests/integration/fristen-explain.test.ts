/**
 * FRISTEN at 50,000 contracts: the list's candidate query uses the partial index (an EXPLAIN fails on a
 * sequential scan of contracts), and the whole window is computed in a bounded time.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type postgres from 'postgres';
import type { Ctx } from '../../lib/ctx';
import type { Db } from '../../lib/db/client';
import { candidateQuery } from '../../lib/fristen/candidates';
import { countUpcomingDeadlines, listDeadlines } from '../../lib/fristen';
import { exportResponse } from '../../lib/fristen/http';
import { ctxFor } from './ctx';
import { testDb } from './db';
import { makeWorld, type World } from './folder-world';

let db: Db;
let pg: postgres.Sql;
let w: World;
const N = 50_000;

beforeAll(async () => {
  let owner: postgres.Sql;
  ({ db, sql: pg, owner } = await testDb());
  w = await makeWorld(db, 'fristen-gross');
  // 50,000 contracts of the tenant's contacts, in SQL: mixed areas, Sparten, statuses and dates.
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
  await owner`analyze contracts`; // the owner: the app role may not ANALYZE
}, 120_000);

const ctx = (): Promise<Ctx> => ctxFor(db, w.A.id, w.adminA);

async function plan(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<string> {
  const { sql, params } = query.toSQL();
  const rows = await pg.unsafe(`explain ${sql}`, params as postgres.ParameterOrJSON<never>[]);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

describe('FRISTEN at 50,000 contracts', () => {
  it('reads candidates through an index, never a sequential scan of contracts', async () => {
    const c = await ctx();
    const all = await plan(candidateQuery(c, {}, null));
    expect(all, all).toMatch(/Index (Only )?Scan using contracts_deadline_candidates_idx/);
    for (const [filters, after] of [
      [{}, null],
      [{}, '80000000-0000-0000-0000-000000000000'],
      [{ sparte: '050', provider: 'Versicherer 3' }, '00000000-0000-0000-0000-000000000000'],
      [{ advisorId: w.writer.id }, null],
    ] as const) {
      const text = await plan(candidateQuery(c, filters, after));
      expect(text, text).not.toMatch(/Seq Scan on contracts/);
    }
    const scoped = await ctxFor(db, w.A.id, w.scoped);
    const text = await plan(candidateQuery(scoped, {}, null));
    expect(text, text).not.toMatch(/Seq Scan on contracts/);
  });

  it('computes the 180-day window over all of them in bounded time', async () => {
    const c = await ctx();
    const started = performance.now();
    const list = await listDeadlines(c, { window: '180', limit: 50 });
    const ms = performance.now() - started;
    expect(list.items).toHaveLength(50);
    expect(list.total).toBeGreaterThan(10_000);
    expect(await countUpcomingDeadlines(c, 30)).toBeGreaterThan(0);
    console.info(`FRISTEN 180 days over ${N} contracts: ${list.total} deadlines, ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(20_000);
  });

  it('exports the whole 180-day window as CSV in one walk', async () => {
    const c = await ctx();
    const started = performance.now();
    const res = await exportResponse(c, { window: '180' });
    const lines = (await res.text()).trim().split('\r\n');
    const ms = performance.now() - started;
    const { total } = await listDeadlines(c, { window: '180', limit: 1 });
    expect(lines.length).toBe(total + 1);
    console.info(`FRISTEN CSV, 180 days: ${total} rows, ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(30_000);
  });
});
