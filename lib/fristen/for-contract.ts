import { and, eq } from 'drizzle-orm';
import { contractDeadlines, type Deadline, deadlineInput } from '../deadlines';
import type { Ctx } from '../ctx';
import { type Contract, deadlineMarks, productLines } from '../db/schema';
import { todayInGermany } from './today';

export interface ContractDeadline {
  deadline: Deadline;
  /** Marked "erledigt" (employees only; clients never see the marks). */
  done: { note: string | null; doneAt: Date } | null;
}

/**
 * The deadlines of one contract the caller has already loaded through its access rules (getContract):
 * insurance contracts only, the product line's Sparte when the contract has none of its own.
 */
export async function deadlinesOfContract(ctx: Ctx, contract: Contract): Promise<ContractDeadline[]> {
  if (contract.area !== 'insurance') return [];
  const [line] = contract.sparte
    ? []
    : await ctx.db
        .select({ sparte: productLines.sparte })
        .from(productLines)
        .where(and(eq(productLines.area, 'insurance'), eq(productLines.name, contract.product)))
        .limit(1);
  const deadlines = contractDeadlines(
    deadlineInput({ ...contract, productLineSparte: line?.sparte ?? null }),
    todayInGermany(),
  );
  if (ctx.actor.kind !== 'employee' || deadlines.length === 0)
    return deadlines.map((deadline) => ({ deadline, done: null }));
  const marks = await ctx.db
    .select({ deadlineId: deadlineMarks.deadlineId, note: deadlineMarks.note, doneAt: deadlineMarks.doneAt })
    .from(deadlineMarks)
    .where(and(eq(deadlineMarks.tenantId, ctx.tenant.id), eq(deadlineMarks.contractId, contract.id)));
  const byId = new Map(marks.map((m) => [m.deadlineId, m]));
  return deadlines.map((deadline) => {
    const m = byId.get(deadline.id);
    return { deadline, done: m ? { note: m.note, doneAt: m.doneAt } : null };
  });
}
