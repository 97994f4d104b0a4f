/**
 * The candidate contracts of the FRISTEN list, streamed in keyset batches over the partial index
 * contracts_deadline_candidates_idx (tenant, id; running insurance contracts that carry a date): never a
 * sequential scan of contracts, never an unbounded result. Scope (BETREUER) and filters are SQL; which
 * deadlines fall into a window is decided afterwards by the pure engine (lib/deadlines).
 */
import { and, asc, eq, gt, inArray, isNull, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { contactScopeJoined } from '../access/scope';
import type { Ctx } from '../ctx';
import { contactProfiles, contracts, deadlineMarks, endedContractStatuses, productLines, users } from '../db/schema';

export interface CandidateFilters {
  advisorId?: string | null;
  sparte?: string | null;
  provider?: string | null;
}

export const batchSize = 1000;

const advisor = alias(users, 'deadline_advisor');
const sparteOf = sql<string | null>`coalesce(${contracts.sparte}, ${productLines.sparte})`;

/** The predicate of the partial index, repeated so the planner may use it. */
export const candidatePredicate = (): SQL =>
  and(
    eq(contracts.area, 'insurance'),
    or(isNull(contracts.status), notInArray(contracts.status, [...endedContractStatuses])),
    sql`coalesce(${contracts.startDate}, ${contracts.endDate}, ${contracts.mainDueDate}, ${contracts.premiumIncreaseReceivedOn}, ${contracts.claimSettledOn}, ${contracts.acquiredOn}) is not null`,
  )!;

/** One batch after `afterId` (the query the EXPLAIN test checks). */
export function candidateQuery(ctx: Ctx, filters: CandidateFilters, afterId: string | null) {
  return ctx.db
    .select({
      contract: {
        id: contracts.id,
        contactId: contracts.contactId,
        status: contracts.status,
        sparte: contracts.sparte,
        product: contracts.product,
        provider: contracts.provider,
        number: contracts.number,
        startDate: contracts.startDate,
        endDate: contracts.endDate,
        mainDueDate: contracts.mainDueDate,
        noticeMonths: contracts.noticeMonths,
        autoRenewal: contracts.autoRenewal,
        premiumIncreaseReceivedOn: contracts.premiumIncreaseReceivedOn,
        claimSettledOn: contracts.claimSettledOn,
        acquiredOn: contracts.acquiredOn,
        partialDates: contracts.partialDates,
      },
      productLineSparte: productLines.sparte,
      contactFirst: users.firstName,
      contactLast: users.lastName,
      advisorId: contactProfiles.advisorId,
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
    .leftJoin(productLines, and(eq(productLines.area, contracts.area), eq(productLines.name, contracts.product)))
    .where(
      and(
        eq(contracts.tenantId, ctx.tenant.id),
        candidatePredicate(),
        afterId ? gt(contracts.id, afterId) : undefined,
        contactScopeJoined(ctx.actor),
        filters.advisorId ? eq(contactProfiles.advisorId, filters.advisorId) : undefined,
        filters.sparte ? sql`${sparteOf} = ${filters.sparte}` : undefined,
        filters.provider ? eq(contracts.provider, filters.provider) : undefined,
      ),
    )
    .orderBy(asc(contracts.id))
    .limit(batchSize);
}

export type Candidate = Awaited<ReturnType<typeof candidateQuery>>[number];

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
            rows.map((r) => r.contract.id),
          ),
        ),
      );
    yield { rows, marks: new Map(marks.map((m) => [`${m.contractId}|${m.deadlineId}`, m])) };
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.contract.id;
  }
}
