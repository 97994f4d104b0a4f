import { audit } from '../audit';
import { withTransaction, type Ctx } from '../ctx';
import { documentFiles, documents, type DocumentArea } from '../db/schema';
import { claimUploads, consumeUploads, dropUploadObjects, releaseClaimed } from '../uploads/claim';
import { withExtension } from '../uploads/names';
import { missing, resolveTarget } from './place';
import type { DocumentInput } from './schemas';

/**
 * DOKUMENT HINZUFÜGEN, step 3: the place is checked, the uploads are claimed (copied to their final keys,
 * the copies' bytes checked), then the document, its files and the audit row are written in one
 * transaction that also consumes the uploads and reserves the client's storage. Any refusal leaves
 * nothing behind: copies are removed, the refused upload too.
 */
export async function createDocument(ctx: Ctx, input: DocumentInput): Promise<{ id: string; contactId: string }> {
  const { actor, tenant } = ctx;
  const contactId = actor.kind === 'client' ? actor.id : input.contactId;
  if (!contactId) throw missing();
  const target = { contactId, area: input.area, contractId: input.contractId };
  await resolveTarget(ctx, target);
  const claimed = await claimUploads(ctx, input.uploads, 'documents');
  try {
    const id = await withTransaction(ctx, async (tx) => {
      const { area: resolved } = await resolveTarget(tx, target);
      if (resolved === 'communication') throw missing();
      const area: DocumentArea = resolved;
      await consumeUploads(tx, claimed, { contactId });
      const byClient = actor.kind === 'client';
      const [doc] = await tx.db
        .insert(documents)
        .values({
          tenantId: tenant.id,
          contactId,
          area,
          contractId: input.contractId,
          title: input.title,
          type: input.type,
          documentDate: input.documentDate,
          note: input.note,
          createdBy: actor.id,
          createdByClient: byClient,
        })
        .returning({ id: documents.id });
      await tx.db.insert(documentFiles).values(
        claimed.map((c, position) => ({
          tenantId: tenant.id,
          documentId: doc!.id,
          objectKey: c.key,
          filename: withExtension(c.filename, c.mime),
          mime: c.mime,
          size: c.size,
          position,
        })),
      );
      await audit(tx.db, {
        tenantId: tenant.id,
        actorType: 'user',
        actorId: actor.id,
        action: 'document.added',
        targetType: 'contact',
        targetId: contactId,
        meta: {
          documentId: doc!.id,
          contractId: input.contractId,
          area,
          title: input.title,
          type: input.type,
          files: claimed.length,
          byClient,
        },
      });
      return doc!.id;
    });
    await dropUploadObjects(ctx, claimed);
    return { id, contactId };
  } catch (error) {
    await releaseClaimed(ctx, claimed);
    throw error;
  }
}
