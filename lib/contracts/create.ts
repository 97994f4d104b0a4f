import { mayAddTo, maySeeArea } from '../access/folder';
import { viewerOf } from '../access/viewer';
import { audit } from '../audit';
import { contactFacts } from '../contacts/facts';
import { withTransaction, type Ctx } from '../ctx';
import { refreshContract } from '../deadline-store';
import { contracts } from '../db/schema';
import { DomainError } from '../errors';
import { contractValues, duplicateError, duplicateOf, forbidden, missing, summary } from './rules';
import type { ContractInput } from './schemas';

export type CreateContractInput = ContractInput & { contactId?: string };

/** VERTRAG HINZUFÜGEN (advisor for a contact, a client for themselves, per rights); audited on the contact. */
export async function createContract(ctx: Ctx, input: CreateContractInput): Promise<{ id: string; contactId: string }> {
  const { actor, tenant } = ctx;
  // A client adds to their own folder; naming another contact finds nothing.
  const contactId = input.contactId || (actor.kind === 'client' ? actor.id : null);
  if (!contactId) throw new DomainError('invalid', 'contracts.errors.noContact');
  return withTransaction(ctx, async (tx) => {
    const contact = await contactFacts(tx, contactId);
    const viewer = await viewerOf(tx);
    if (!maySeeArea(viewer, contact, input.area)) throw missing();
    if (!mayAddTo(viewer, contact, input.area)) throw forbidden();
    if (!input.confirmDuplicate && (await duplicateOf(tx, viewer, contact, input))) throw duplicateError(input);
    const byClient = actor.kind === 'client';
    const [row] = await tx.db
      .insert(contracts)
      .values({
        tenantId: tenant.id,
        contactId,
        area: input.area,
        ...contractValues(input),
        createdBy: actor.id,
        createdByClient: byClient,
        updatedBy: actor.id,
      })
      .returning();
    // FRISTEN: the stored deadlines at once (the trigger queued it; the worker would follow within a minute).
    await refreshContract(tx.db, row!.id);
    await audit(tx.db, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: actor.id,
      action: 'contract.created',
      targetType: 'contact',
      targetId: contactId,
      meta: { ...summary(row!), byClient },
    });
    return { id: row!.id, contactId };
  });
}
