/**
 * The candidate contracts of the FRISTEN list, streamed in keyset batches over the partial index
 * contracts_deadline_candidates_idx (tenant, id; running insurance contracts that carry a date): never a
 * sequential scan of contracts, never an unbounded result. Scope (BETREUER) and filters are SQL; which
 * deadlines fall into a window is decided afterwards by the pure engine (lib/deadlines).
 */
import { and, asc, eq, gt, inArray, isNull, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { contactScope } from '../access/scope';
import type { Ctx } from '../ctx';
import { contactProfiles, contracts, deadlineMarks, endedContractStatuses, productLines, users } from '../db/schema';

export interface CandidateFilters {
  advisorId?: string | null;
  sparte?: string | null;
  provider?: string | null;
}

export const batchSize = 1000;

/** The predicate of the partial index, repeated so the planner may use it. */
export const candidatePredicate = (): SQL =>
  and(
    eq(contracts.area, 'insurance'),
    or(isNull(contracts.status), notInArray(contracts.status, [...endedContractStatuses])),
    sql`coalesce(${contracts.startDate}, ${contracts.endDate}, ${contracts.mainDueDate}, ${contracts.premiumIncreaseReceivedOn}, ${contracts.claimSettledOn}, ${contracts.acquiredOn}) is not null`,
  )!;

/**
 * One batch after `afterId` (the query the EXPLAIN test checks): only the columns the engine reads, no
 * joins (names are loaded for the page's entries only, the product lines' Sparten once per walk).
 */
export function candidateQuery(ctx: Ctx, filters: CandidateFilters, afterId: string | null) {
  const lineSparte = sql`(select pl.sparte from ${productLines} pl where pl.area = ${contracts.area} and pl.name = ${contracts.product})`;
  return ctx.db
    .select({
      id: contracts.id,
      contactId: contracts.contactId,
      status: contracts.status,
      sparte: contracts.sparte,
      product: contracts.product,
      startDate: contracts.startDate,
      endDate: contracts.endDate,
      mainDueDate: contracts.mainDueDate,
      noticeMonths: contracts.noticeMonths,
      autoRenewal: contracts.autoRenewal,
      premiumIncreaseReceivedOn: contracts.premiumIncreaseReceivedOn,
      claimSettledOn: contracts.claimSettledOn,
      acquiredOn: contracts.acquiredOn,
      partialDates: contracts.partialDates,
    })
    .from(contracts)
    .where(
      and(
        eq(contracts.tenantId, ctx.tenant.id),
        candidatePredicate(),
        afterId ? gt(contracts.id, afterId) : undefined,
        contactScope(ctx.actor, { tenantId: contracts.tenantId, contactId: contracts.contactId }),
        filters.advisorId
          ? sql`exists (select 1 from ${contactProfiles} cpa where cpa.tenant_id = ${contracts.tenantId} and cpa.user_id = ${contracts.contactId} and cpa.advisor_id = ${filters.advisorId}::uuid)`
          : undefined,
        filters.sparte ? sql`coalesce(${contracts.sparte}, ${lineSparte}) = ${filters.sparte}` : undefined,
        filters.provider ? eq(contracts.provider, filters.provider) : undefined,
      ),
    )
    .orderBy(asc(contracts.id))
    .limit(batchSize);
}

export type Candidate = Awaited<ReturnType<typeof candidateQuery>>[number];

/** The shipped product lines' Sparten (a small table), once per walk. */
export async function lineSparten(ctx: Ctx): Promise<Map<string, string | null>> {
  const rows = await ctx.db
    .select({ name: productLines.name, sparte: productLines.sparte })
    .from(productLines)
    .where(eq(productLines.area, 'insurance'));
  return new Map(rows.map((r) => [r.name, r.sparte]));
}

/** Contact, BETREUER and contract words for the entries of one page. */
export async function pageDetails(ctx: Ctx, contractIds: string[]) {
  if (contractIds.length === 0) return new Map<string, Details>();
  const advisor = alias(users, 'deadline_advisor');
  const rows = await ctx.db
    .select({
      id: contracts.id,
      provider: contracts.provider,
      number: contracts.number,
      contactFirst: users.firstName,
      contactLast: users.lastName,
      advisorFirst: advisor.firstName,
      advisorLast: advisor.lastName,
    })
    .from(contracts)
    .innerJoin(users, and(eq(users.tenantId, contracts.tenantId), eq(users.id, contracts.contactId)))
    .leftJoin(
      contactProfiles,
      and(eq(contactProfiles.tenantId, contracts.tenantId), eq(contactProfiles.userId, contracts.contactId)),
    )
    .leftJoin(advisor, and(eq(advisor.tenantId, contactProfiles.tenantId), eq(advisor.id, contactProfiles.advisorId)))
    .where(and(eq(contracts.tenantId, ctx.tenant.id), inArray(contracts.id, contractIds)));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        provider: r.provider,
        number: r.number,
        contactName: `${r.contactFirst} ${r.contactLast}`,
        advisorName: r.advisorFirst ? `${r.advisorFirst} ${r.advisorLast}` : null,
      },
    ]),
  );
}

export interface Details {
  provider: string | null;
  number: string | null;
  contactName: string;
  advisorName: string | null;
}

/** All candidates, batch by batch, with the erledigt marks of each batch. */
export async function* candidateBatches(
  ctx: Ctx,
  filters: CandidateFilters,
): AsyncGenerator<{ rows: Candidate[]; marks: Map<string, { note: string | null; doneAt: Date }> }> {
  let after: string | null = null;
  for (;;) {
    const rows: Candidate[] = await candidateQuery(ctx, filters, after);
    if (rows.length === 0) return;
    const marks = await ctx.db
      .select({
        contractId: deadlineMarks.contractId,
        deadlineId: deadlineMarks.deadlineId,
        note: deadlineMarks.note,
        doneAt: deadlineMarks.doneAt,
      })
      .from(deadlineMarks)
      .where(
        and(
          eq(deadlineMarks.tenantId, ctx.tenant.id),
          inArray(
            deadlineMarks.contractId,
            rows.map((r) => r.id),
          ),
        ),
      );
    yield { rows, marks: new Map(marks.map((m) => [`${m.contractId}|${m.deadlineId}`, m])) };
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.id;
  }
}
