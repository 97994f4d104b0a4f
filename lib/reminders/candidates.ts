/**
 * The deadlines a reminder run looks at: the stored ones (contract_deadlines, lib/deadline-store) whose
 * last day lies between today and the tenant's largest step – one index range, never every contract.
 * Pages are locked with FOR UPDATE SKIP LOCKED: a second worker takes the next page (the unique key of
 * deadline_reminders keeps it exact either way).
 */
import { and, asc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { contactProfiles, contractDeadlines as cd, contracts, folderAreas } from '../db/schema';
import { addDays, type CalendarDate, toIso } from '../deadlines';

export function candidateWhere(tenantId: string, today: CalendarDate, maxStep: number): SQL {
  return and(
    eq(cd.tenantId, tenantId),
    inArray(cd.area, [...folderAreas]),
    gte(cd.lastDay, toIso(today)),
    lte(cd.lastDay, toIso(addDays(today, maxStep))),
  )!;
}

export const candidateColumns = {
  contractId: cd.contractId,
  deadlineId: cd.deadlineId,
  kind: cd.kind,
  lastDay: cd.lastDay,
  detail: cd.detail,
  contactId: cd.contactId,
  area: cd.area,
  product: cd.product,
  // A lookup per candidate (primary key), not a join the planner may turn into a scan of contracts.
  createdByClient: sql<boolean>`(select c.created_by_client from ${contracts} c where c.tenant_id = ${cd.tenantId} and c.id = ${cd.contractId})`,
  advisorId: contactProfiles.advisorId,
};

/** One page after the keyset (last day, contract, deadline id), locked for this worker. */
export function claimCandidates(
  tx: Tx | Db,
  where: SQL,
  after: { lastDay: string; contractId: string; deadlineId: string } | null,
  limit: number,
) {
  return tx
    .select(candidateColumns)
    .from(cd)
    .leftJoin(contactProfiles, and(eq(contactProfiles.tenantId, cd.tenantId), eq(contactProfiles.userId, cd.contactId)))
    .where(
      after
        ? and(
            where,
            sql`(${cd.lastDay}, ${cd.contractId}, ${cd.deadlineId}) > (${after.lastDay}::date, ${after.contractId}::uuid, ${after.deadlineId})`,
          )
        : where,
    )
    .orderBy(asc(cd.lastDay), asc(cd.contractId), asc(cd.deadlineId))
    .limit(limit)
    .for('update', { of: cd, skipLocked: true });
}

export type Candidate = Awaited<ReturnType<typeof claimCandidates>>[number];
