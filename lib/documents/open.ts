import { and, eq } from 'drizzle-orm';
import { viewerOf } from '../access/viewer';
import { contactFacts } from '../contacts/facts';
import type { Ctx } from '../ctx';
import { documentFiles, type DocumentArea } from '../db/schema';
import { DomainError } from '../errors';
import { docVisible, documentFacts } from './place';

export interface OpenedFile {
  id: string;
  documentId: string;
  key: string;
  filename: string;
  mime: string;
  size: number;
  title: string;
  contactId: string;
  contractId: string | null;
  area: DocumentArea;
}

/** A stored file the actor may open (rights as for its document); null when not visible (never why). */
export async function openFile(ctx: Ctx, { id }: { id: string }): Promise<OpenedFile | null> {
  const [f] = await ctx.db
    .select({
      id: documentFiles.id,
      documentId: documentFiles.documentId,
      key: documentFiles.objectKey,
      filename: documentFiles.filename,
      mime: documentFiles.mime,
      size: documentFiles.size,
    })
    .from(documentFiles)
    .where(and(eq(documentFiles.tenantId, ctx.tenant.id), eq(documentFiles.id, id)))
    .limit(1);
  if (!f) return null;
  const d = await documentFacts(ctx, f.documentId);
  if (!d || (ctx.actor.kind === 'client' && d.contactId !== ctx.actor.id)) return null;
  try {
    const contact = await contactFacts(ctx, d.contactId);
    const viewer = await viewerOf(ctx);
    if (!docVisible(viewer, contact, d)) return null;
    return { ...f, title: d.title, contactId: d.contactId, contractId: d.contractId, area: d.area };
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}
