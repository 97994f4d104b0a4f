import { sql, type SQL } from 'drizzle-orm';
import { canViewPortfolio, portfolioAreasOf, type PortfolioArea } from '../access/bestand';
import { contactScope, contactScopeJoined } from '../access/scope';
import { contractStatusIds } from '../contracts/catalog-data';
import {
  contractStatuses,
  paymentFrequencies,
  paymentsPerYear,
  type ContractStatus,
  type PaymentFrequency,
} from '../contracts/premium';
import type { Ctx } from '../ctx';
import { contactProfiles, contracts, users } from '../db/schema';
import { monthsUpTo, type Month } from './months';

/** One line of a breakdown: distinct clients, contracts in force and their annualised premium. */
export interface Slice {
  clients: number;
  contracts: number;
  annualCents: number;
}
export type Origin = 'typed' | 'client' | 'import';
export type AccountState = 'none' | 'created' | 'invited' | 'active' | 'locked';

export interface PortfolioFigures {
  areas: PortfolioArea[];
  totals: Slice & {
    /** All clients in scope (prospects and archived contacts left out), with or without contracts. */
    allClients: number;
    /** Single premiums (ZAHLWEISE einmalig) of running contracts: shown apart, not annualised. */
    singleCents: number;
    paidUp: number;
    withoutFrequency: number;
  };
  byProduct: (Slice & { area: PortfolioArea; product: string })[];
  byProvider: (Slice & { provider: string | null })[];
  byAdvisor: (Slice & { advisorId: string | null; name: string | null; allClients: number })[];
  origin: Record<Origin, number>;
  accounts: Record<AccountState, number>;
  months: (Month & { started: number; ended: number })[];
}

/** In the BESTAND: everything not cancelled or ended (a missing status counts as running). */
const inForce: ContractStatus[] = ['aktiv', 'beantragt', 'ruhend'];
/** Premiums count for running contracts only, as in the folder's Beitragsübersicht (lib/contracts/premium.ts). */
const paying: ContractStatus[] = ['aktiv', 'beantragt'];
const finished = contractStatuses.filter((s) => ['cancelled', 'ended'].includes(contractStatusIds[s]));
const once: PaymentFrequency = 'einmalig';
const paidUp: PaymentFrequency = 'beitragsfrei';

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
const perYear = sql`case ${contracts.frequency} ${sql.join(
  paymentFrequencies.map((f) => sql`when ${f} then ${paymentsPerYear(f)}::int`),
  sql` `,
)} else 0 end`;

const empty = (areas: PortfolioArea[], months: Month[]): PortfolioFigures => ({
  areas,
  totals: { clients: 0, contracts: 0, annualCents: 0, allClients: 0, singleCents: 0, paidUp: 0, withoutFrequency: 0 },
  byProduct: [],
  byProvider: [],
  byAdvisor: [],
  origin: { typed: 0, client: 0, import: 0 },
  accounts: { none: 0, created: 0, invited: 0, active: 0, locked: 0 },
  months: months.map((m) => ({ ...m, started: 0, ended: 0 })),
});

interface SliceRow extends Record<string, unknown> {
  part: 'product' | 'provider' | 'advisor' | 'origin' | 'total';
  area: PortfolioArea | null;
  product: string | null;
  provider: string | null;
  advisor_id: string | null;
  origin: Origin | null;
  clients: number;
  contracts: number;
  annual: string;
  single: string;
  paid_up: number;
  no_frequency: number;
}

/**
 * The BESTAND cockpit's figures, aggregated in PostgreSQL (one scan of the tenant's contracts with grouping
 * sets, one of its clients, two 12-month index ranges): admins the whole tenant, employees the contacts of
 * their scope and only the areas they hold a right in. `today` (YYYY-MM-DD, Berlin) only for tests.
 */
export async function portfolioFigures(ctx: Ctx, input: { today?: string } = {}): Promise<PortfolioFigures> {
  const months = monthsUpTo(input.today);
  const areas = portfolioAreasOf(ctx.actor);
  if (!canViewPortfolio(ctx.actor)) return empty([], months);
  const base = empty(areas, months);
  const [slices, clients, series] = await Promise.all([
    areas.length ? contractSlices(ctx, areas) : [],
    clientCounts(ctx),
    areas.length ? monthSeries(ctx, areas, months) : [],
  ]);
  for (const r of slices) {
    const slice = { clients: r.clients, contracts: r.contracts, annualCents: Number(r.annual) };
    if (r.part === 'product') base.byProduct.push({ ...slice, area: r.area!, product: r.product ?? '' });
    else if (r.part === 'provider') base.byProvider.push({ ...slice, provider: r.provider });
    else if (r.part === 'advisor')
      base.byAdvisor.push({ ...slice, advisorId: r.advisor_id, name: null, allClients: 0 });
    else if (r.part === 'origin') base.origin[r.origin ?? 'typed'] += r.contracts;
    else
      base.totals = {
        ...base.totals,
        ...slice,
        singleCents: Number(r.single),
        paidUp: r.paid_up,
        withoutFrequency: r.no_frequency,
      };
  }
  for (const r of clients) {
    if (r.part === 'status') {
      base.accounts[r.status!] += r.n;
      base.totals.allClients += r.n;
      continue;
    }
    const line = base.byAdvisor.find((a) => a.advisorId === r.advisor_id);
    if (line) line.allClients = r.n;
    else
      base.byAdvisor.push({
        advisorId: r.advisor_id,
        name: null,
        allClients: r.n,
        clients: 0,
        contracts: 0,
        annualCents: 0,
      });
  }
  await nameAdvisors(ctx, base.byAdvisor);
  const byPremium = <T extends Slice>(a: T, b: T) => b.annualCents - a.annualCents || b.contracts - a.contracts;
  base.byProduct.sort(byPremium);
  base.byProvider.sort(byPremium);
  base.byAdvisor.sort((a, b) => byPremium(a, b) || b.allClients - a.allClients);
  base.months = months.map((m) => ({
    ...m,
    started: series.find((s) => s.month === m.key && s.kind === 'started')?.n ?? 0,
    ended: series.find((s) => s.month === m.key && s.kind === 'ended')?.n ?? 0,
  }));
  return base;
}

function inScopeAreas(ctx: Ctx, areas: PortfolioArea[]): SQL {
  return sql`${contracts.tenantId} = ${ctx.tenant.id}::uuid and ${contracts.area} in (${list(areas)})`;
}

async function contractSlices(ctx: Ctx, areas: PortfolioArea[]): Promise<SliceRow[]> {
  // count(distinct) over grouping sets sorts the scan once per set: with the default 4 MB that spills to
  // disk at 50,000 contracts; 32 MB for this one statement keeps the sorts in memory.
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '32MB'`);
    return [...(await tx.execute<SliceRow>(contractSlicesQuery(ctx, areas)))];
  });
}

/** The one scan of the contracts (exported for the EXPLAIN test). */
export function contractSlicesQuery(ctx: Ctx, areas: PortfolioArea[]): SQL {
  return sql`
    select case
        when grouping(x.area) = 0 then 'product' when grouping(x.provider) = 0 then 'provider'
        when grouping(x.advisor_id) = 0 then 'advisor' when grouping(x.origin) = 0 then 'origin' else 'total'
      end as part,
      x.area, x.product, x.provider, x.advisor_id, x.origin,
      count(distinct x.contact_id)::int as clients, count(*)::int as contracts,
      coalesce(sum(x.annual), 0)::text as annual, coalesce(sum(x.single), 0)::text as single,
      count(*) filter (where x.paid_up)::int as paid_up, count(*) filter (where x.no_frequency)::int as no_frequency
    from (
      select ${contracts.area} as area, ${contracts.product} as product, ${contracts.provider} as provider,
        ${contracts.contactId} as contact_id, ${contactProfiles.advisorId} as advisor_id,
        case when ${contracts.origin} = 'import' then 'import'
          when ${contracts.origin} = 'client' or ${contracts.createdByClient} then 'client' else 'typed' end as origin,
        case when ${contracts.status} in (${list(paying)}) then ${contracts.premiumCents} * ${perYear} end as annual,
        case when ${contracts.status} in (${list(paying)}) and ${contracts.frequency} = ${once}
          then ${contracts.premiumCents} end as single,
        ${contracts.frequency} is not distinct from ${paidUp} as paid_up,
        ${contracts.premiumCents} is not null and ${contracts.frequency} is null as no_frequency
      from ${contracts}
      left join ${contactProfiles}
        on ${contactProfiles.tenantId} = ${contracts.tenantId} and ${contactProfiles.userId} = ${contracts.contactId}
      where ${inScopeAreas(ctx, areas)}
        and (${contracts.status} is null or ${contracts.status} in (${list(inForce)}))
        and ${contactScopeJoined(ctx.actor)}
    ) x
    group by grouping sets ((x.area, x.product), (x.provider), (x.advisor_id), (x.origin), ())`;
}

interface ClientRow extends Record<string, unknown> {
  part: 'status' | 'advisor';
  status: AccountState | null;
  advisor_id: string | null;
  n: number;
}

async function clientCounts(ctx: Ctx): Promise<ClientRow[]> {
  const rows = await ctx.db.execute<ClientRow>(sql`
    select case when grouping(${users.status}) = 0 then 'status' else 'advisor' end as part,
      ${users.status} as status, ${contactProfiles.advisorId} as advisor_id, count(*)::int as n
    from ${users}
    left join ${contactProfiles}
      on ${contactProfiles.tenantId} = ${users.tenantId} and ${contactProfiles.userId} = ${users.id}
    where ${users.tenantId} = ${ctx.tenant.id}::uuid and ${users.kind} = 'client'
      and ${contactProfiles.lead} is not true and ${contactProfiles.archivedAt} is null
      and ${contactScopeJoined(ctx.actor)}
    group by grouping sets ((${users.status}), (${contactProfiles.advisorId}))`);
  return [...rows];
}

async function monthSeries(
  ctx: Ctx,
  areas: PortfolioArea[],
  months: Month[],
): Promise<{ month: string; kind: 'started' | 'ended'; n: number }[]> {
  const from = months[0]!.first;
  const to = months.at(-1)!.next;
  const today = months.at(-1)!.today;
  const scope = contactScope(ctx.actor, { tenantId: contracts.tenantId, contactId: contracts.contactId });
  const rows = await ctx.db.execute<{ month: string; kind: 'started' | 'ended'; n: number }>(sql`
    select to_char(${contracts.startDate}, 'YYYY-MM') as month, 'started' as kind, count(*)::int as n
    from ${contracts}
    where ${inScopeAreas(ctx, areas)} and ${contracts.startDate} >= ${from}::date and ${contracts.startDate} < ${to}::date
      and ${scope}
    group by 1
    union all
    select to_char(${contracts.endDate}, 'YYYY-MM'), 'ended', count(*)::int
    from ${contracts}
    where ${inScopeAreas(ctx, areas)} and ${contracts.endDate} >= ${from}::date and ${contracts.endDate} <= ${today}::date
      and ${contracts.status} in (${list(finished)}) and ${scope}
    group by 1`);
  return [...rows];
}

async function nameAdvisors(ctx: Ctx, lines: PortfolioFigures['byAdvisor']): Promise<void> {
  const ids = lines.map((l) => l.advisorId).filter((id): id is string => id !== null);
  if (ids.length === 0) return;
  const rows = await ctx.db.execute<{ id: string; name: string }>(sql`
    select ${users.id} as id, ${users.firstName} || ' ' || ${users.lastName} as name from ${users}
    where ${users.tenantId} = ${ctx.tenant.id}::uuid and ${users.kind} = 'employee'
      and ${users.id} in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`);
  for (const l of lines) l.name = rows.find((r) => r.id === l.advisorId)?.name ?? null;
}
