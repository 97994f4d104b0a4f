import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { mayChange } from '../access/folder';
import { viewerOf } from '../access/viewer';
import { contactFacts } from '../contacts/facts';
import type { Ctx } from '../ctx';
import { contracts, documentFiles, documents, users, type DocumentArea } from '../db/schema';
import { docVisible, missing } from './place';

const creator = alias(users, 'doc_creator');

export interface DocumentListItem {
  id: string;
  title: string;
  type: string;
  documentDate: string | null;
  note: string | null;
  createdAt: Date;
  createdByClient: boolean;
  createdByName: string | null;
  mayDelete: boolean;
  files: { id: string; filename: string; mime: string; size: number }[];
}

export interface DocumentPlace {
  contactId: string;
  area: DocumentArea;
  contractId: string | null;
}

/** Documents of one place: a contract, an area without contract, or the contact itself ('profile'). */
export async function listDocuments(ctx: Ctx, place: DocumentPlace): Promise<DocumentListItem[]> {
  const tenantId = ctx.tenant.id;
  const contact = await contactFacts(ctx, place.contactId);
  const viewer = await viewerOf(ctx);
  let contractFacts: { area: DocumentArea; createdByClient: boolean } | null = null;
  if (place.contractId) {
    const [c] = await ctx.db
      .select({ area: contracts.area, createdByClient: contracts.createdByClient, contactId: contracts.contactId })
      .from(contracts)
      .where(and(eq(contracts.tenantId, tenantId), eq(contracts.id, place.contractId)))
      .limit(1);
    if (!c || c.contactId !== contact.id) throw missing();
    contractFacts = { area: c.area, createdByClient: c.createdByClient };
  }
  const rows = await ctx.db
    .select({ doc: documents, first: creator.firstName, last: creator.lastName })
    .from(documents)
    .leftJoin(creator, and(eq(creator.tenantId, documents.tenantId), eq(creator.id, documents.createdBy)))
    .where(
      and(
        eq(documents.tenantId, tenantId),
        eq(documents.contactId, contact.id),
        place.contractId
          ? eq(documents.contractId, place.contractId)
          : and(eq(documents.area, place.area), isNull(documents.contractId)),
      ),
    )
    .orderBy(sql`${documents.documentDate} desc nulls last`, sql`${documents.createdAt} desc`);
  const visible = rows.filter((r) =>
    docVisible(viewer, contact, {
      area: r.doc.area,
      createdByClient: r.doc.createdByClient,
      contractArea: contractFacts?.area ?? null,
      contractByClient: contractFacts?.createdByClient ?? null,
    }),
  );
  if (visible.length === 0) return [];
  const files = await ctx.db
    .select({
      id: documentFiles.id,
      documentId: documentFiles.documentId,
      filename: documentFiles.filename,
      mime: documentFiles.mime,
      size: documentFiles.size,
    })
    .from(documentFiles)
    .where(
      and(
        eq(documentFiles.tenantId, tenantId),
        inArray(
          documentFiles.documentId,
          visible.map((v) => v.doc.id),
        ),
      ),
    )
    .orderBy(asc(documentFiles.position));
  return visible.map((r) => ({
    id: r.doc.id,
    title: r.doc.title,
    type: r.doc.type,
    documentDate: r.doc.documentDate,
    note: r.doc.note,
    createdAt: r.doc.createdAt,
    createdByClient: r.doc.createdByClient,
    createdByName: r.first ? `${r.first} ${r.last}` : null,
    mayDelete: mayChange(viewer, contact, { area: r.doc.area, createdByClient: r.doc.createdByClient }),
    files: files.filter((f) => f.documentId === r.doc.id).map(({ documentId: _d, ...f }) => f),
  }));
}
