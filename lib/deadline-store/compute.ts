/**
 * Recomputes the stored deadlines of some contracts with the pure engine: the rows of each contract are
 * replaced, its queue entry set to the day its entries next change (none when it has no known deadline).
 * Runs inside the caller's transaction (a contract write recomputes its own contract at once).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { contractDeadlineQueue, contractDeadlines, contracts, productLines } from '../db/schema';
import { type CalendarDate, contractDeadlines as engine, deadlineInput, type KnownDeadline, toIso } from '../deadlines';
import { detailOf, recheckOn } from './row';

const chunk = 500;

export async function recomputeContracts(tx: Tx, contractIds: readonly string[], today: CalendarDate): Promise<number> {
  let rowsWritten = 0;
  for (let i = 0; i < contractIds.length; i += chunk) {
    const ids = contractIds.slice(i, i + chunk);
    const found = await tx
      .select({
        id: contracts.id,
        tenantId: contracts.tenantId,
        contactId: contracts.contactId,
        area: contracts.area,
        status: contracts.status,
        sparte: contracts.sparte,
        productLineSparte: productLines.sparte,
        product: contracts.product,
        provider: contracts.provider,
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
      .leftJoin(productLines, and(eq(productLines.area, contracts.area), eq(productLines.name, contracts.product)))
      .where(inArray(contracts.id, ids));
    const computedOn = toIso(today);
    const rows: (typeof contractDeadlines.$inferInsert)[] = [];
    const queue: (typeof contractDeadlineQueue.$inferInsert)[] = [];
    for (const c of found) {
      const input = deadlineInput(c);
      const known = engine(input, today).filter((d): d is KnownDeadline => d.state !== 'unknown');
      for (const d of known)
        rows.push({
          tenantId: c.tenantId,
          contractId: c.id,
          deadlineId: d.id,
          contactId: c.contactId,
          area: c.area,
          kind: d.kind,
          lastDay: toIso(d.lastDay),
          sparte: input.sparte,
          provider: c.provider,
          product: c.product,
          detail: detailOf(d),
          computedOn,
        });
      const due = recheckOn(known);
      if (due) queue.push({ contractId: c.id, tenantId: c.tenantId, dueOn: due });
    }
    await tx.delete(contractDeadlines).where(inArray(contractDeadlines.contractId, ids));
    await tx.delete(contractDeadlineQueue).where(inArray(contractDeadlineQueue.contractId, ids));
    if (rows.length) await tx.insert(contractDeadlines).values(rows).onConflictDoNothing();
    if (queue.length)
      await tx
        .insert(contractDeadlineQueue)
        .values(queue)
        .onConflictDoUpdate({
          target: contractDeadlineQueue.contractId,
          set: { dueOn: sql`least(${contractDeadlineQueue.dueOn}, excluded.due_on)` },
        });
    rowsWritten += rows.length;
  }
  return rowsWritten;
}
