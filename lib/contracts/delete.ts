import { and, eq, inArray } from 'drizzle-orm';
import { mayChange, maySee } from '../access/folder';
import { viewerOf } from '../access/viewer';
import { audit } from '../audit';
import { contactFacts } from '../contacts/facts';
import { withTransaction, type Ctx } from '../ctx';
import { contracts, documentFiles, documents, type FolderArea } from '../db/schema';
import { DomainError } from '../errors';
import { deleteObjectsQuietly } from '../uploads/objects';
import { forbidden, lockedContract, missing, summary } from './rules';

/** Delete a contract with its documents; the stored files are removed from S3 after the commit. */
export async function deleteContract(
  ctx: Ctx,
  { id }: { id: string },
): Promise<{ contactId: string; area: FolderArea }> {
  const { actor, tenant } = ctx;
  const { keys, result } = await withTransaction(ctx, async (tx) => {
    const current = await lockedContract(tx, id);
    const contact = await contactFacts(tx, current.contactId);
    const viewer = await viewerOf(tx);
    const item = { area: current.area, createdByClient: current.createdByClient };
    if (!maySee(viewer, contact, item)) throw missing();
    if (!mayChange(viewer, contact, item)) throw forbidden();
    const docs = await tx.db
      .select({ id: documents.id, area: documents.area, createdByClient: documents.createdByClient })
      .from(documents)
      .where(and(eq(documents.tenantId, tenant.id), eq(documents.contractId, id)));
    // A client never removes documents they could not delete one by one (e.g. the advisor's, hidden from them).
    if (docs.some((d) => !mayChange(viewer, contact, { area: d.area, createdByClient: d.createdByClient }))) {
      throw new DomainError('forbidden', 'contracts.errors.advisorDocuments');
    }
    const files = docs.length
      ? await tx.db
          .select({ key: documentFiles.objectKey })
          .from(documentFiles)
          .where(
            and(
              eq(documentFiles.tenantId, tenant.id),
              inArray(
                documentFiles.documentId,
                docs.map((d) => d.id),
              ),
            ),
          )
      : [];
    await tx.db.delete(contracts).where(and(eq(contracts.tenantId, tenant.id), eq(contracts.id, id)));
    await audit(tx.db, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: actor.id,
      action: 'contract.deleted',
      targetType: 'contact',
      targetId: current.contactId,
      meta: { ...summary(current), documents: docs.length, byClient: actor.kind === 'client' },
    });
    return { keys: files.map((f) => f.key), result: { contactId: current.contactId, area: current.area } };
  });
  await deleteObjectsQuietly(tenant.id, keys);
  return result;
}
