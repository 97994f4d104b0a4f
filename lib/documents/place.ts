import { and, eq } from 'drizzle-orm';
import { mayAddTo, maySee, type ContactFacts, type Viewer } from '../access/folder';
import { viewerOf } from '../access/viewer';
import { contactFacts } from '../contacts/facts';
import type { Ctx } from '../ctx';
import { contracts, documents, type DocumentArea } from '../db/schema';
import { DomainError } from '../errors';

export const missing = () => new DomainError('not_found', 'documents.errors.notFound');
export const forbidden = () => new DomainError('forbidden', 'errors.forbidden');

export interface UploadTarget {
  contactId: string;
  /** 'communication': an attachment of a KOMMUNIKATION message (needs the right to send messages). */
  area: DocumentArea | 'communication';
  contractId?: string | null;
}

/**
 * The contact and, when given, the contract a document would hang on (the contract decides the area);
 * checks the viewer may see that place (else `not_found`) and add to it (else `forbidden`).
 */
export async function resolveTarget(
  ctx: Ctx,
  target: UploadTarget,
): Promise<{ contact: ContactFacts; viewer: Viewer; area: DocumentArea | 'communication' }> {
  const contact = await contactFacts(ctx, target.contactId);
  const viewer = await viewerOf(ctx);
  let area = target.area;
  if (target.contractId) {
    const [c] = await ctx.db
      .select({ area: contracts.area, contactId: contracts.contactId, createdByClient: contracts.createdByClient })
      .from(contracts)
      .where(and(eq(contracts.tenantId, ctx.tenant.id), eq(contracts.id, target.contractId)))
      .limit(1);
    if (
      !c ||
      c.contactId !== contact.id ||
      !maySee(viewer, contact, { area: c.area, createdByClient: c.createdByClient })
    )
      throw missing();
    area = c.area;
  }
  if (!maySee(viewer, contact, { area, createdByClient: viewer.kind === 'client' })) throw missing();
  if (!mayAddTo(viewer, contact, area)) throw forbidden();
  return { contact, viewer, area };
}

export interface DocFacts {
  id: string;
  contactId: string;
  area: DocumentArea;
  createdByClient: boolean;
  contractId: string | null;
  contractArea: DocumentArea | null;
  contractByClient: boolean | null;
  title: string;
}

/** A document with the facts its rights depend on (its own area and creator, and its contract's). */
export async function documentFacts(ctx: Ctx, id: string): Promise<DocFacts | null> {
  const [row] = await ctx.db
    .select({
      id: documents.id,
      contactId: documents.contactId,
      area: documents.area,
      createdByClient: documents.createdByClient,
      contractId: documents.contractId,
      contractArea: contracts.area,
      contractByClient: contracts.createdByClient,
      title: documents.title,
    })
    .from(documents)
    .leftJoin(contracts, and(eq(contracts.tenantId, documents.tenantId), eq(contracts.id, documents.contractId)))
    .where(and(eq(documents.tenantId, ctx.tenant.id), eq(documents.id, id)))
    .limit(1);
  return row ?? null;
}

/** A document is visible when its contract (if any) and the document itself are. */
export function docVisible(
  viewer: Viewer,
  contact: ContactFacts,
  d: Pick<DocFacts, 'area' | 'createdByClient' | 'contractArea' | 'contractByClient'>,
): boolean {
  if (
    d.contractArea &&
    !maySee(viewer, contact, { area: d.contractArea, createdByClient: Boolean(d.contractByClient) })
  )
    return false;
  return maySee(viewer, contact, { area: d.area, createdByClient: d.createdByClient });
}
