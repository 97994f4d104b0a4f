import { and, eq, sql } from 'drizzle-orm';
import { mayChange, maySee } from '../access/folder';
import { viewerOf } from '../access/viewer';
import { audit } from '../audit';
import { contactFacts } from '../contacts/facts';
import { withTransaction, type Ctx } from '../ctx';
import { refreshContract } from '../deadline-store';
import { contracts } from '../db/schema';
import { DomainError } from '../errors';
import {
  comparable,
  comparableValue,
  contractValues,
  duplicateError,
  duplicateOf,
  forbidden,
  lockedContract,
  missing,
  summary,
} from './rules';
import type { ContractInput } from './schemas';

export type UpdateContractInput = ContractInput & { id: string };

/** Edit: employees with write; clients their own, or with DATENFREIGABE also the advisor's. */
export async function updateContract(
  ctx: Ctx,
  input: UpdateContractInput,
): Promise<{ id: string; contactId: string; changed: string[] }> {
  const { actor, tenant } = ctx;
  const { id } = input;
  return withTransaction(ctx, async (tx) => {
    const current = await lockedContract(tx, id);
    const contact = await contactFacts(tx, current.contactId);
    const viewer = await viewerOf(tx);
    const item = { area: current.area, createdByClient: current.createdByClient };
    if (!maySee(viewer, contact, item)) throw missing();
    if (!mayChange(viewer, contact, item)) throw forbidden();
    if (input.area !== current.area) throw new DomainError('invalid', 'contracts.errors.areaFixed');
    if (!input.confirmDuplicate && (await duplicateOf(tx, viewer, contact, input, id))) throw duplicateError(input);
    const next = contractValues(input);
    const changed = comparable.filter((k) => comparableValue(next[k]) !== comparableValue(current[k]));
    if (changed.length === 0) return { id, contactId: current.contactId, changed };
    await tx.db
      .update(contracts)
      .set({ ...next, updatedBy: actor.id, updatedAt: sql`now()` })
      .where(and(eq(contracts.tenantId, tenant.id), eq(contracts.id, id)));
    // FRISTEN: the stored deadlines at once (the trigger queued it; the worker would follow within a minute).
    await refreshContract(tx.db, id);
    await audit(tx.db, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: actor.id,
      action: 'contract.updated',
      targetType: 'contact',
      targetId: current.contactId,
      meta: { ...summary({ ...current, ...next }), fields: changed, byClient: actor.kind === 'client' },
    });
    return { id, contactId: current.contactId, changed };
  });
}
