import { and, eq } from 'drizzle-orm';
import { mayChange } from '../access/folder';
import { viewerOf } from '../access/viewer';
import { audit } from '../audit';
import { contactFacts } from '../contacts/facts';
import { withTransaction, type Ctx } from '../ctx';
import { documentFiles, documents, type DocumentArea } from '../db/schema';
import { deleteObjectsQuietly } from '../uploads/objects';
import { docVisible, documentFacts, forbidden, missing } from './place';

/** Deletes a document and (after the commit) its stored files. */
export async function deleteDocument(
  ctx: Ctx,
  { id }: { id: string },
): Promise<{ contactId: string; contractId: string | null; area: DocumentArea }> {
  const { actor, tenant } = ctx;
  const { keys, result } = await withTransaction(ctx, async (tx) => {
    const d = await documentFacts(tx, id);
    if (!d || (actor.kind === 'client' && d.contactId !== actor.id)) throw missing();
    const contact = await contactFacts(tx, d.contactId);
    const viewer = await viewerOf(tx);
    if (!docVisible(viewer, contact, d)) throw missing();
    if (!mayChange(viewer, contact, { area: d.area, createdByClient: d.createdByClient })) throw forbidden();
    const files = await tx.db
      .select({ key: documentFiles.objectKey })
      .from(documentFiles)
      .where(and(eq(documentFiles.tenantId, tenant.id), eq(documentFiles.documentId, id)));
    await tx.db.delete(documents).where(and(eq(documents.tenantId, tenant.id), eq(documents.id, id)));
    await audit(tx.db, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: actor.id,
      action: 'document.deleted',
      targetType: 'contact',
      targetId: d.contactId,
      meta: {
        documentId: id,
        contractId: d.contractId,
        area: d.area,
        title: d.title,
        byClient: actor.kind === 'client',
      },
    });
    return {
      keys: files.map((f) => f.key),
      result: { contactId: d.contactId, contractId: d.contractId, area: d.area },
    };
  });
  await deleteObjectsQuietly(tenant.id, keys);
  return result;
}
