/**
 * FRISTEN bench data: 50,000 insurance contracts with dates in the demo tenant (spread over its contacts),
 * generated in SQL once, so the FRISTEN list is measured at the size of a large brokerage.
 */
import { createDb } from '../lib/db/client';
import { drainAll } from '../lib/deadline-store';

export const DEADLINE_CONTRACTS = 50_000;

export async function ensureDeadlineContracts(databaseUrl: string): Promise<void> {
  const { sql } = createDb(databaseUrl, 1);
  try {
    const counted = await sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM contracts c JOIN tenants t ON t.id = c.tenant_id
      WHERE t.slug = 'demo' AND c.number LIKE 'FRIST-%'`;
    const n = counted[0]?.n ?? 0;
    if (n >= DEADLINE_CONTRACTS) return;
    console.log(`• adding ${DEADLINE_CONTRACTS - n} contracts with dates to the demo tenant …`);
    await sql`
      WITH t AS (SELECT id FROM tenants WHERE slug = 'demo'),
      c AS (
        SELECT u.id, row_number() OVER (ORDER BY u.id) AS r
        FROM users u JOIN t ON t.id = u.tenant_id WHERE u.kind = 'client'
      ),
      k AS (SELECT count(*) AS n FROM c)
      INSERT INTO contracts (tenant_id, contact_id, area, status, product, provider, number, start_date, main_due_date, notice_months)
      SELECT (SELECT id FROM t), c.id, 'insurance', CASE WHEN g % 19 = 0 THEN 'gekündigt' ELSE 'aktiv' END,
        (ARRAY['Kfz-Versicherung','Hausratversicherung','Privathaftpflichtversicherung','Wohngebäudeversicherung','Private Krankenvollversicherung','Risikolebensversicherung'])[1 + g % 6],
        (SELECT name FROM providers WHERE kind = 'insurer' AND tenant_id IS NULL ORDER BY name OFFSET g % 200 LIMIT 1),
        'FRIST-' || g, date '2004-01-01' + (g % 7300),
        CASE WHEN g % 4 = 0 THEN NULL ELSE date '2026-01-01' + (g % 365) END,
        CASE WHEN g % 7 = 0 THEN 1 + g % 3 ELSE NULL END
      FROM generate_series(${n + 1}::int, ${DEADLINE_CONTRACTS}::int) AS g
      JOIN c ON c.r = 1 + g % (SELECT n FROM k)`;
    await sql`ANALYZE contracts`;
  } finally {
    await sql.end();
  }
}

/**
 * The stored deadlines of everything the bench added (the trigger queued it): what the app's worker does
 * after an import, here before measuring so the pages are measured in their steady state.
 */
export async function computeDeadlines(databaseUrl: string): Promise<void> {
  const { db, sql } = createDb(databaseUrl, 1);
  try {
    const started = performance.now();
    const n = await drainAll(db);
    if (n)
      console.log(
        `• computed the deadlines of ${n} contracts in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    await sql`VACUUM ANALYZE contract_deadlines`;
  } finally {
    await sql.end();
  }
}
