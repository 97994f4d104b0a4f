/**
 * Bench data for BESTAND (the cockpit): the demo tenant filled to 50,000 contracts over the bench contacts
 * (insurance and finance, the shipped products and insurers, every ZAHLWEISE, start and end dates over
 * the last years, some imported), once. Used by scripts/bench.ts.
 */
import { createDb } from '../lib/db/client';

export const BENCH_PORTFOLIO = 50_000;

export async function ensurePortfolio(databaseUrl: string): Promise<void> {
  const { sql } = createDb(databaseUrl, 1);
  try {
    const [t] = await sql<{ id: string }[]>`SELECT id FROM tenants WHERE slug = 'demo'`;
    const counted = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM contracts WHERE tenant_id = ${t!.id}`;
    const n = counted[0]?.n ?? 0;
    if (n >= BENCH_PORTFOLIO) return;
    console.log(`• adding ${BENCH_PORTFOLIO - n} contracts to the demo tenant (BESTAND) …`);
    // Bench contacts get a BETREUER (one of the tenant's employees) so "nach Betreuer" has lines.
    await sql`
      WITH e AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS r, count(*) OVER () AS k FROM users
                 WHERE tenant_id = ${t!.id} AND kind = 'employee')
      UPDATE contact_profiles cp SET advisor_id = e.id FROM users u, e
      WHERE cp.tenant_id = ${t!.id} AND cp.user_id = u.id AND u.username LIKE 'bench.%' AND cp.advisor_id IS NULL
        AND e.r = abs(hashtext(u.id::text)) % e.k`;
    await sql`
      WITH c AS (SELECT id, row_number() OVER (ORDER BY id) AS r FROM users
                 WHERE tenant_id = ${t!.id} AND kind = 'client' AND username LIKE 'bench.%' LIMIT 20000),
      p AS (SELECT name, row_number() OVER (ORDER BY position) AS r FROM product_lines WHERE area = 'insurance'),
      i AS (SELECT name, row_number() OVER (ORDER BY name) AS r FROM providers WHERE kind = 'insurer' AND tenant_id IS NULL),
      f AS (SELECT ARRAY['monatlich','vierteljährlich','halbjährlich','jährlich','einmalig','beitragsfrei'] AS a),
      s AS (SELECT ARRAY['aktiv','aktiv','aktiv','beantragt','ruhend','gekündigt','beendet'] AS a)
      INSERT INTO contracts (tenant_id, contact_id, area, status, product, provider, number, frequency, premium_cents,
        start_date, end_date, origin, created_by_client)
      SELECT ${t!.id}, c.id, CASE WHEN g % 10 = 0 THEN 'finance' ELSE 'insurance' END, s.a[1 + g % 7],
        (SELECT name FROM p WHERE p.r = 1 + g % 40), (SELECT name FROM i WHERE i.r = 1 + (g * 7) % 150),
        'BESTAND-' || g, f.a[1 + g % 6], 500 + (g * 37) % 20000,
        date '2016-01-01' + (g * 13) % 3990, CASE WHEN g % 7 >= 5 THEN date '2023-01-01' + (g * 11) % 1430 END,
        CASE WHEN g % 4 = 0 THEN 'import' END, g % 9 = 0
      FROM generate_series(${n + 1}::int, ${BENCH_PORTFOLIO}::int) AS g JOIN c ON c.r = 1 + g % 20000, f, s`;
    await sql`ANALYZE contracts`;
    await sql`ANALYZE contact_profiles`;
  } finally {
    await sql.end();
  }
}
