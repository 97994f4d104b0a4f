/**
 * BESTAND (the cockpit) against real PostgreSQL: the aggregates on a small fixture (counts, distinct
 * clients, annualised premium per ZAHLWEISE, single premiums apart), the 12-month series, the scope
 * (an employee sees only their contacts and only the areas they hold a right in), the other tenant,
 * the CSV export and the indexes the queries use.
 */
import { sql as dsql } from 'drizzle-orm';
import type postgres from 'postgres';
import { beforeAll, describe, expect, it } from 'vitest';
import { noRights } from '../../lib/access/employee';
import { portfolioCsv } from '../../lib/bestand/csv';
import { contractSlicesQuery, portfolioFigures } from '../../lib/bestand/figures';
import { cockpitFigures } from '../../lib/bestand/snapshot';
import { cappedLabel, startCounts } from '../../lib/dashboard/counts';
import type { Db } from '../../lib/db/client';
import { contactProfiles, contracts, type Tenant } from '../../lib/db/schema';
import { DomainError } from '../../lib/errors';
import { createAccount } from '../../lib/users/create';
import { testDb } from './db';
import { ctxFor } from './ctx';
import { makeTenant } from './fixtures';

let db: Db;
let pg: postgres.Sql;
let A: Tenant;
let B: Tenant;
const id = {} as Record<
  'adminA' | 'adminB' | 'own' | 'insuranceOnly' | 'none' | 'c1' | 'c2' | 'c3' | 'lead' | 'b1',
  string
>;
const today = '2026-12-01';

async function employee(tenantId: string, key: keyof typeof id, rights = noRights, scope: 'all' | 'own' = 'all') {
  const u = await createAccount(db, {
    tenantId,
    kind: 'employee',
    role: 'employee',
    email: `${key}@bestand.example`,
    firstName: 'Bea',
    lastName: key,
    status: 'active',
    rights,
    scope,
  });
  id[key] = u.id;
}

async function client(
  tenantId: string,
  key: keyof typeof id,
  advisorId: string,
  status: 'none' | 'invited' | 'active',
  lead = false,
) {
  const u = await createAccount(db, {
    tenantId,
    kind: 'client',
    email: `${key}@kunde.example`,
    firstName: 'Kim',
    lastName: key,
    status,
  });
  await db.insert(contactProfiles).values({ tenantId, userId: u.id, advisorId, lead });
  id[key] = u.id;
}

type Row = Partial<typeof contracts.$inferInsert>;
const contract = (tenantId: string, contactId: string, r: Row) =>
  db.insert(contracts).values({ tenantId, contactId, area: 'insurance', product: 'Kfz', status: 'aktiv', ...r });

beforeAll(async () => {
  ({ db, sql: pg } = await testDb());
  const a = await makeTenant(db, 'bestand-a');
  const b = await makeTenant(db, 'bestand-b');
  A = a.tenant;
  B = b.tenant;
  id.adminA = a.admin.id;
  id.adminB = b.admin.id;
  const all = { insurance: 'read', finance: 'read', other: 'read', emergency: 'read', communication: 'read' } as const;
  await employee(A.id, 'own', all, 'own');
  await employee(A.id, 'insuranceOnly', { ...noRights, insurance: 'read' });
  await employee(A.id, 'none');
  await client(A.id, 'c1', id.own, 'active');
  await client(A.id, 'c2', id.adminA, 'none');
  await client(A.id, 'c3', id.adminA, 'invited');
  await client(A.id, 'lead', id.adminA, 'none', true);
  await client(B.id, 'b1', id.adminB, 'active');
  // c1 (the scoped employee's): Kfz 10 € monthly → 120 €, Hausrat 100 € yearly, a Bausparvertrag (finance).
  await contract(A.id, id.c1, {
    provider: 'Alpha AG',
    frequency: 'monatlich',
    premiumCents: 1000,
    startDate: '2026-03-15',
  });
  await contract(A.id, id.c1, { product: 'Hausrat', provider: 'Beta AG', frequency: 'jährlich', premiumCents: 10000 });
  await contract(A.id, id.c1, {
    area: 'finance',
    product: 'Bausparvertrag',
    provider: 'Gamma Bank',
    frequency: 'vierteljährlich',
    premiumCents: 5000,
    origin: 'import',
  });
  // c2: Kfz 50 € half-yearly → 100 €, a single premium 1.000 € (apart), a paid-up one, one without ZAHLWEISE.
  await contract(A.id, id.c2, {
    provider: 'Alpha AG',
    frequency: 'halbjährlich',
    premiumCents: 5000,
    createdByClient: true,
  });
  await contract(A.id, id.c2, { product: 'Leben', provider: 'Alpha AG', frequency: 'einmalig', premiumCents: 100000 });
  await contract(A.id, id.c2, { product: 'Leben', provider: 'Alpha AG', frequency: 'beitragsfrei', premiumCents: 0 });
  await contract(A.id, id.c2, { product: 'Haftpflicht', provider: null, premiumCents: 7000, origin: 'import' });
  // dormant: in the BESTAND, no premium; ended: not in the BESTAND, but in the ended series.
  await contract(A.id, id.c3, { status: 'ruhend', provider: 'Beta AG', frequency: 'monatlich', premiumCents: 999 });
  await contract(A.id, id.c3, {
    status: 'gekündigt',
    provider: 'Beta AG',
    frequency: 'monatlich',
    premiumCents: 2000,
    startDate: '2020-01-01',
    endDate: '2026-06-30',
  });
  await contract(A.id, id.c3, { status: 'beendet', provider: 'Beta AG', endDate: '2025-11-30' }); // before the window
  await contract(A.id, id.c3, { area: 'emergency', product: 'Testament', status: null }); // NOTFALL-ORDNER: never
  await contract(B.id, id.b1, { provider: 'Fremd AG', frequency: 'jährlich', premiumCents: 99900 });
});

const figures = async (tenant: Tenant, actor: string) =>
  portfolioFigures(await ctxFor(db, tenant.id, actor), { today });

describe('BESTAND figures', () => {
  it('adds up the whole tenant for an admin: counts, distinct clients, annualised premium', async () => {
    const f = await figures(A, id.adminA);
    expect(f.areas).toEqual(['insurance', 'finance', 'other']);
    // 8 contracts in force (the cancelled, the ended and the NOTFALL-ORDNER entry left out), 3 clients with
    // contracts; 4 clients in all (makeTenant's Karl Kunde has no contract and no BETREUER).
    expect(f.totals).toMatchObject({ contracts: 8, clients: 3, allClients: 4, withoutFrequency: 1, paidUp: 1 });
    // 120 + 100 + 200 (finance) + 100 = 520 €; the dormant contract pays nothing, the single premium apart.
    expect(f.totals.annualCents).toBe(52000);
    expect(f.totals.singleCents).toBe(100000);
    const kfz = f.byProduct.find((p) => p.area === 'insurance' && p.product === 'Kfz')!;
    expect(kfz).toMatchObject({ contracts: 3, clients: 3, annualCents: 22000 });
    const alpha = f.byProvider.find((p) => p.provider === 'Alpha AG')!;
    expect(alpha).toMatchObject({ contracts: 4, clients: 2, annualCents: 22000 });
    expect(f.byProvider.find((p) => p.provider === null)).toMatchObject({ contracts: 1, annualCents: 0 });
    expect(f.byProvider.some((p) => p.provider === 'Fremd AG')).toBe(false);
    const mine = f.byAdvisor.find((a) => a.advisorId === id.own)!;
    expect(mine).toMatchObject({ name: 'Bea own', contracts: 3, clients: 1, allClients: 1, annualCents: 42000 });
    const admins = f.byAdvisor.find((a) => a.advisorId === id.adminA)!;
    expect(admins).toMatchObject({ contracts: 5, clients: 2, allClients: 2, annualCents: 10000 });
    expect(f.origin).toEqual({ typed: 5, client: 1, import: 2 });
    expect(f.byAdvisor.find((a) => a.advisorId === null)).toMatchObject({ allClients: 1, contracts: 0 });
    // the prospect is no client; Karl and c1 active, c2 without account, c3 invited.
    expect(f.accounts).toEqual({ active: 2, none: 1, invited: 1, created: 0, locked: 0 });
  });

  it('counts new and ended contracts per month over the last 12 months', async () => {
    const f = await figures(A, id.adminA);
    expect(f.months.map((m) => m.key)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(f.months.find((m) => m.key === '2026-03')).toMatchObject({ started: 1, ended: 0 });
    expect(f.months.find((m) => m.key === '2026-06')).toMatchObject({ started: 0, ended: 1 });
    expect(f.months.reduce((s, m) => s + m.started + m.ended, 0)).toBe(2);
  });

  it('limits an employee to their scope', async () => {
    const f = await figures(A, id.own);
    expect(f.totals).toMatchObject({ contracts: 3, clients: 1, allClients: 1, annualCents: 42000 });
    expect(f.byAdvisor.map((a) => a.advisorId)).toEqual([id.own]);
    expect(f.byProvider.some((p) => p.provider === 'Alpha AG' && p.contracts > 1)).toBe(false);
  });

  it("leaves out the areas an employee holds no right in (and never counts another tenant's contracts)", async () => {
    const f = await figures(A, id.insuranceOnly);
    expect(f.areas).toEqual(['insurance']);
    expect(f.totals).toMatchObject({ contracts: 7, annualCents: 32000 });
    expect(f.byProduct.some((p) => p.product === 'Bausparvertrag')).toBe(false);
    expect(f.origin.import).toBe(1);
    const none = await figures(A, id.none);
    expect(none.totals).toMatchObject({ contracts: 0, allClients: 0 });
    expect(none.byProvider).toEqual([]);
    const b = await figures(B, id.adminB);
    expect(b.totals).toMatchObject({ contracts: 1, clients: 1, annualCents: 99900 });
  });

  it("the snapshot is per view: an admin's figures never reach a scoped or area-limited employee", async () => {
    const snap = async (tenant: Tenant, actor: string) => cockpitFigures(await ctxFor(db, tenant.id, actor));
    const admin = await snap(A, id.adminA);
    const own = await snap(A, id.own);
    const insuranceOnly = await snap(A, id.insuranceOnly);
    expect(own.figures.totals).toMatchObject({ contracts: 3, clients: 1 });
    expect(insuranceOnly.figures.areas).toEqual(['insurance']);
    expect(admin.figures.totals.contracts).toBeGreaterThan(own.figures.totals.contracts);
    expect((await snap(B, id.adminB)).figures.totals).toMatchObject({ contracts: 1 });
    const views = await pg<{ view: string }[]>`select view from portfolio_snapshots where tenant_id = ${A.id}`;
    expect(views.map((v) => v.view.split('|')[0]).sort()).toEqual(['all', 'all', `own:${id.own}`].sort());
    // Unchanged: the same snapshot; a new contract of the tenant (any writer) marks it stale, B's stays.
    expect((await snap(A, id.adminA)).computedAt.getTime()).toBe(admin.computedAt.getTime());
    await pg`insert into contracts (tenant_id, contact_id, area, status, product) values (${A.id}, ${id.c1}, 'insurance', 'aktiv', 'Neu')`;
    expect((await snap(A, id.adminA)).figures.totals.contracts).toBe(admin.figures.totals.contracts + 1);
    expect(await pg`select 1 from portfolio_snapshots where tenant_id = ${B.id} and stale`).toHaveLength(0);
    // Older than 5 minutes: recomputed even without a write.
    const later = await cockpitFigures(await ctxFor(db, A.id, id.adminA), Date.now() + 6 * 60_000);
    expect(later.computedAt.getTime()).toBeGreaterThan(admin.computedAt.getTime());
    await pg`delete from contracts where tenant_id = ${A.id} and product = 'Neu'`;
    await pg`delete from portfolio_snapshots`;
  });

  it('refuses clients', async () => {
    const f = await figures(A, id.c1);
    expect(f.totals.contracts).toBe(0);
    await expect(portfolioCsv(await ctxFor(db, A.id, id.c1), { table: 'providers' })).rejects.toBeInstanceOf(
      DomainError,
    );
  });
});

describe('BESTAND CSV', () => {
  it('exports a table as CSV (semicolons, the figures unformatted, formulas defused)', async () => {
    await contract(A.id, id.c2, { provider: '=HYPERLINK("x")', frequency: 'jährlich', premiumCents: 1234 });
    const { filename, body } = await portfolioCsv(await ctxFor(db, A.id, id.adminA), { table: 'providers' });
    expect(filename).toMatch(/\.csv$/);
    const lines = body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Versicherer / Anbieter;Kunden;Verträge;Jahresbeitrag (EUR)');
    expect(lines).toContain('Alpha AG;2;4;220,00');
    expect(lines).toContain(`"'=HYPERLINK(""x"")";1;1;12,34`);
    await pg`delete from contracts where provider = '=HYPERLINK("x")'`;
  });

  it('refuses an employee without any right', async () => {
    await expect(portfolioCsv(await ctxFor(db, A.id, id.none), { table: 'products' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('BESTAND indexes', () => {
  it('reaches the contracts of one tenant and the 12-month ranges through an index', async () => {
    const plans = await db.transaction(async (tx) => {
      await tx.execute(dsql`set local enable_seqscan = off`);
      const plan = async (q: ReturnType<typeof dsql>) =>
        (await tx.execute<{ 'QUERY PLAN': string }>(dsql`explain ${q}`)).map((r) => r['QUERY PLAN']).join('\n');
      return [
        await plan(dsql`select count(*) from contracts where tenant_id = ${A.id}::uuid and area = 'insurance'`),
        await plan(
          dsql`select count(*) from contracts where tenant_id = ${A.id}::uuid and start_date >= '2026-01-01' and start_date < '2027-01-01'`,
        ),
        await plan(dsql`select count(*) from contact_profiles where tenant_id = ${A.id}::uuid and lead`),
        await plan(contractSlicesQuery(await ctxFor(tx as Db, A.id, id.own), ['insurance', 'finance'])),
      ];
    });
    for (const p of plans) expect(p).not.toMatch(/Seq Scan/);
    expect(plans[1]).toMatch(/Index Cond: .*tenant_id/);
    expect(plans[2]).toMatch(/contact_profiles_tenant_lead_idx/);
  });
});

describe('start page counts', () => {
  it('caps open tickets at 99+, follows the scope and counts prospects', async () => {
    await pg`
      insert into tickets (tenant_id, contact_id, assignee_id, subject, created_by, idempotency_key, last_entry_by, last_public_by)
      select ${A.id}, ${id.c2}, ${id.adminA}, 'Frage ' || g, ${id.c2}, 'bestand-' || g, ${id.c2}, ${id.c2}
      from generate_series(1, 120) g`;
    const admin = await startCounts(await ctxFor(db, A.id, id.adminA));
    expect(admin.openTickets).toEqual({ n: 100, scope: 'mine' });
    expect(cappedLabel(admin.openTickets!.n)).toBe('99+');
    expect(admin.leads).toBe(1);
    // the scoped employee (communication 'read': all tickets they may see) sees none of c2's, and no prospect
    const own = await startCounts(await ctxFor(db, A.id, id.own));
    expect(own).toMatchObject({ openTickets: { n: 0, scope: 'all' }, leads: 0 });
    const none = await startCounts(await ctxFor(db, A.id, id.none));
    expect(none).toEqual({ openTickets: null, clientChanges: null, leads: null });
    const b = await startCounts(await ctxFor(db, B.id, id.adminB));
    expect(b).toMatchObject({ openTickets: { n: 0 }, leads: 0 });
  });

  it("counts the clients' own changes of the last days within scope and area rights", async () => {
    const audit = (actorId: string, area: string) =>
      pg`insert into audit_log (tenant_id, actor_type, actor_id, action, target_id, meta)
         values (${A.id}, 'user', ${actorId}, 'contract.created', ${actorId}, ${JSON.stringify({ area })}::jsonb)`;
    await audit(id.c1, 'finance');
    await audit(id.c2, 'insurance');
    await audit(id.c2, 'emergency');
    expect((await startCounts(await ctxFor(db, A.id, id.adminA))).clientChanges).toBe(3);
    expect((await startCounts(await ctxFor(db, A.id, id.own))).clientChanges).toBe(1);
    expect((await startCounts(await ctxFor(db, A.id, id.insuranceOnly))).clientChanges).toBe(1);
  });
});
