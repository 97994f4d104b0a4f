import { and, asc, count, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { assertActorInTenant } from '../access/guard';
import { DomainError } from '../actions/domain-error';
import { audit } from '../audit';
import { mayAddTo, mayChange, maySee, type ContactFacts, type Viewer } from '../access/folder';
import { contactFacts, notFoundMessage, viewerOf, type Actor } from '../contracts';
import type { DocumentInput } from '../contracts/schemas';
import type { Db, Tx } from '../db/client';
import { contracts, documentFiles, documents, uploads, users, type DocumentArea } from '../db/schema';
import { deleteObject, objectKey, presignUpload, verifyUpload } from '../storage';
import { deleteObjectsQuietly } from './cleanup';
import { claimUploads, consumeUploads, dropUploadObjects, releaseClaimed } from './finalize';
import { cleanFilename, documentUpload, uploadMessages } from './rules';

const missing = () => new DomainError('not_found', notFoundMessage);
const forbidden = () => new DomainError('forbidden', 'Dafür haben Sie keine Berechtigung.');

const extensionOf: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heif',
};

/** The stored name ends in the extension of the real type ("rechnung.exe" holding a PDF → "rechnung.exe.pdf"). */
export function withExtension(filename: string, mime: string): string {
  const ext = extensionOf[mime];
  if (!ext) return filename;
  const lower = filename.toLowerCase();
  if (lower.endsWith(`.${ext}`) || (ext === 'jpg' && lower.endsWith('.jpeg'))) return filename;
  if ((ext === 'heic' || ext === 'heif') && /\.hei[cf]$/.test(lower)) return filename;
  return `${filename}.${ext}`;
}

export interface UploadTarget {
  contactId: string;
  /** 'communication': an attachment of a KOMMUNIKATION message (needs the right to send messages). */
  area: DocumentArea | 'communication';
  contractId?: string | null;
}

/** The contact and, when given, the contract a document would hang on; checks the viewer may add there. */
async function resolveTarget(tx: Tx, tenantId: string, actor: Actor, target: UploadTarget): Promise<{ contact: ContactFacts; viewer: Viewer; area: DocumentArea | 'communication' }> {
  const contact = await contactFacts(tx, tenantId, actor, target.contactId);
  const viewer = await viewerOf(tx, tenantId, actor);
  let area = target.area;
  if (target.contractId) {
    const [c] = await tx
      .select({ area: contracts.area, contactId: contracts.contactId, createdByClient: contracts.createdByClient })
      .from(contracts)
      .where(and(eq(contracts.tenantId, tenantId), eq(contracts.id, target.contractId)))
      .limit(1);
    if (!c || c.contactId !== contact.id || !maySee(viewer, contact, { area: c.area, createdByClient: c.createdByClient })) throw missing();
    area = c.area;
  }
  if (!maySee(viewer, contact, { area, createdByClient: viewer.kind === 'client' })) throw missing();
  if (!mayAddTo(viewer, contact, area)) throw forbidden();
  return { contact, viewer, area };
}

/**
 * Step 1 of an upload: a presigned POST straight to S3 (key chosen here, content type pinned, size limited),
 * only for someone who may add a document to that place. The bytes never pass through the app server.
 */
export async function startUpload(
  database: Db,
  tenantId: string,
  actor: Actor,
  input: UploadTarget & { filename: string; contentType: string; size: number },
): Promise<{ id: string; url: string; fields: Record<string, string> }> {
  if (!documentUpload.types.includes(input.contentType)) throw new DomainError('type', uploadMessages.type, 'file');
  if (!Number.isFinite(input.size) || input.size <= 0) throw new DomainError('empty', uploadMessages.empty, 'file');
  if (input.size > documentUpload.maxBytes) throw new DomainError('size', uploadMessages.size, 'file');
  const key = objectKey(tenantId, 'uploads');
  const id = await database.transaction(async (tx) => {
    await assertActorInTenant(tx, tenantId, actor);
    await resolveTarget(tx, tenantId, actor, input);
    const [pending] = await tx.select({ n: count() }).from(uploads).where(and(eq(uploads.tenantId, tenantId), eq(uploads.userId, actor.id)));
    if ((pending?.n ?? 0) >= documentUpload.maxPending) throw new DomainError('busy', 'Zu viele offene Uploads. Bitte speichern Sie zuerst die laufenden Dokumente.', 'file');
    const [row] = await tx
      .insert(uploads)
      .values({ tenantId, userId: actor.id, objectKey: key, filename: cleanFilename(input.filename), declaredType: input.contentType, declaredSize: input.size, maxBytes: documentUpload.maxBytes })
      .returning({ id: uploads.id });
    return row!.id;
  });
  const post = await presignUpload({ tenantId, key, contentType: input.contentType, maxBytes: documentUpload.maxBytes });
  return { id, url: post.url, fields: post.fields };
}

async function ownUpload(tx: Tx, tenantId: string, actor: Actor, id: string) {
  const [row] = await tx.select().from(uploads).where(and(eq(uploads.tenantId, tenantId), eq(uploads.userId, actor.id), eq(uploads.id, id))).limit(1);
  return row ?? null;
}

function messageFor(reason: 'missing' | 'empty' | 'too-large' | 'type'): string {
  return reason === 'too-large' ? uploadMessages.size : uploadMessages[reason];
}

/**
 * Step 2 (right after the browser's POST): checks size and real type by the bytes, so the person sees at once
 * whether the file is accepted. A refused object and its row are removed.
 */
export async function checkUpload(database: Db, tenantId: string, actor: Actor, id: string): Promise<{ ok: true; mime: string; size: number } | { ok: false; message: string }> {
  const row = await ownUpload(database, tenantId, actor, id);
  if (!row) throw new DomainError('not_found', uploadMessages.unknown, 'file');
  const result = await verifyUpload({ tenantId, key: row.objectKey, maxBytes: row.maxBytes, allowed: documentUpload.types });
  if (result.ok) return { ok: true, mime: result.mime, size: result.size };
  if (result.reason !== 'missing') await database.delete(uploads).where(eq(uploads.id, row.id));
  return { ok: false, message: messageFor(result.reason) };
}

/** Removes one's own unfinished upload (the × next to a chosen file). */
export async function discardUpload(database: Db, tenantId: string, actor: Actor, id: string): Promise<void> {
  const row = await ownUpload(database, tenantId, actor, id);
  if (!row) return;
  await database.delete(uploads).where(eq(uploads.id, row.id));
  await deleteObjectsQuietly(tenantId, [row.objectKey]);
}

/**
 * DOKUMENT HINZUFÜGEN, step 3: each upload is copied inside S3 to its final key (out of reach of the
 * presigned POST), the copy's bytes are checked, then the document and its files are written in one
 * transaction. Any refusal leaves nothing behind: copies are removed, the refused upload too.
 */
export async function createDocument(database: Db, tenantId: string, actor: Actor, input: DocumentInput): Promise<{ id: string; contactId: string }> {
  const contactId = actor.kind === 'client' ? actor.id : input.contactId;
  if (!contactId) throw missing();
  const target = { contactId, area: input.area, contractId: input.contractId };
  await database.transaction(async (tx) => {
    await assertActorInTenant(tx, tenantId, actor);
    await resolveTarget(tx, tenantId, actor, target);
  });
  const claimed = await claimUploads(database, tenantId, actor, input.uploads, 'documents');
  try {
    const id = await database.transaction(async (tx) => {
      await assertActorInTenant(tx, tenantId, actor);
      const { area: resolved } = await resolveTarget(tx, tenantId, actor, target);
      if (resolved === 'communication') throw missing();
      const area: DocumentArea = resolved;
      await consumeUploads(tx, tenantId, actor, claimed);
      const byClient = actor.kind === 'client';
      const [doc] = await tx
        .insert(documents)
        .values({ tenantId, contactId, area, contractId: input.contractId, title: input.title, type: input.type, documentDate: input.documentDate, note: input.note, createdBy: actor.id, createdByClient: byClient })
        .returning({ id: documents.id });
      await tx.insert(documentFiles).values(
        claimed.map((c, position) => ({ tenantId, documentId: doc!.id, objectKey: c.key, filename: withExtension(c.filename, c.mime), mime: c.mime, size: c.size, position })),
      );
      await audit(tx, {
        tenantId,
        actorType: 'user',
        actorId: actor.id,
        action: 'document.added',
        targetType: 'contact',
        targetId: contactId,
        meta: { documentId: doc!.id, contractId: input.contractId, area, title: input.title, type: input.type, files: claimed.length, byClient },
      });
      return doc!.id;
    });
    await dropUploadObjects(tenantId, claimed);
    return { id, contactId };
  } catch (error) {
    await releaseClaimed(tenantId, claimed);
    throw error;
  }
}

interface DocFacts {
  id: string;
  contactId: string;
  area: DocumentArea;
  createdByClient: boolean;
  contractId: string | null;
  contractArea: DocumentArea | null;
  contractByClient: boolean | null;
  title: string;
}

async function documentFacts(tx: Tx, tenantId: string, id: string): Promise<DocFacts | null> {
  const [row] = await tx
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
    .where(and(eq(documents.tenantId, tenantId), eq(documents.id, id)))
    .limit(1);
  return row ?? null;
}

function docVisible(viewer: Viewer, contact: ContactFacts, d: Pick<DocFacts, 'area' | 'createdByClient' | 'contractArea' | 'contractByClient'>): boolean {
  if (d.contractArea && !maySee(viewer, contact, { area: d.contractArea, createdByClient: Boolean(d.contractByClient) })) return false;
  return maySee(viewer, contact, { area: d.area, createdByClient: d.createdByClient });
}

/** Deletes a document and (after the commit) its stored files. */
export async function deleteDocument(database: Db, tenantId: string, actor: Actor, id: string): Promise<{ contactId: string; contractId: string | null; area: DocumentArea }> {
  const { keys, result } = await database.transaction(async (tx) => {
    await assertActorInTenant(tx, tenantId, actor);
    const d = await documentFacts(tx, tenantId, id);
    if (!d || (actor.kind === 'client' && d.contactId !== actor.id)) throw missing();
    const contact = await contactFacts(tx, tenantId, actor, d.contactId);
    const viewer = await viewerOf(tx, tenantId, actor);
    if (!docVisible(viewer, contact, d)) throw missing();
    if (!mayChange(viewer, contact, { area: d.area, createdByClient: d.createdByClient })) throw forbidden();
    const files = await tx.select({ key: documentFiles.objectKey }).from(documentFiles).where(and(eq(documentFiles.tenantId, tenantId), eq(documentFiles.documentId, id)));
    await tx.delete(documents).where(and(eq(documents.tenantId, tenantId), eq(documents.id, id)));
    await audit(tx, {
      tenantId,
      actorType: 'user',
      actorId: actor.id,
      action: 'document.deleted',
      targetType: 'contact',
      targetId: d.contactId,
      meta: { documentId: id, contractId: d.contractId, area: d.area, title: d.title, byClient: actor.kind === 'client' },
    });
    return { keys: files.map((f) => f.key), result: { contactId: d.contactId, contractId: d.contractId, area: d.area } };
  });
  await deleteObjectsQuietly(tenantId, keys);
  return result;
}

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

/** Documents of one place: a contract, an area without contract, or the contact itself ('profile'). */
export async function listDocuments(database: Db, tenantId: string, actor: Actor, place: { contactId: string; area: DocumentArea; contractId: string | null }): Promise<DocumentListItem[]> {
  const contact = await contactFacts(database, tenantId, actor, place.contactId);
  const viewer = await viewerOf(database, tenantId, actor);
  let contractFacts: { area: DocumentArea; createdByClient: boolean } | null = null;
  if (place.contractId) {
    const [c] = await database
      .select({ area: contracts.area, createdByClient: contracts.createdByClient, contactId: contracts.contactId })
      .from(contracts)
      .where(and(eq(contracts.tenantId, tenantId), eq(contracts.id, place.contractId)))
      .limit(1);
    if (!c || c.contactId !== contact.id) throw missing();
    contractFacts = { area: c.area, createdByClient: c.createdByClient };
  }
  const rows = await database
    .select({ doc: documents, first: creator.firstName, last: creator.lastName })
    .from(documents)
    .leftJoin(creator, and(eq(creator.tenantId, documents.tenantId), eq(creator.id, documents.createdBy)))
    .where(
      and(
        eq(documents.tenantId, tenantId),
        eq(documents.contactId, contact.id),
        place.contractId ? eq(documents.contractId, place.contractId) : and(eq(documents.area, place.area), isNull(documents.contractId)),
      ),
    )
    .orderBy(sql`${documents.documentDate} desc nulls last`, sql`${documents.createdAt} desc`);
  const visible = rows.filter((r) =>
    docVisible(viewer, contact, { area: r.doc.area, createdByClient: r.doc.createdByClient, contractArea: contractFacts?.area ?? null, contractByClient: contractFacts?.createdByClient ?? null }),
  );
  if (visible.length === 0) return [];
  const files = await database
    .select({ id: documentFiles.id, documentId: documentFiles.documentId, filename: documentFiles.filename, mime: documentFiles.mime, size: documentFiles.size })
    .from(documentFiles)
    .where(and(eq(documentFiles.tenantId, tenantId), inArray(documentFiles.documentId, visible.map((v) => v.doc.id))))
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

/** A stored file the actor may open (rights as for its document); null when not visible. */
export async function openFile(database: Db, tenantId: string, actor: Actor, fileId: string) {
  const [f] = await database
    .select({ id: documentFiles.id, documentId: documentFiles.documentId, key: documentFiles.objectKey, filename: documentFiles.filename, mime: documentFiles.mime, size: documentFiles.size })
    .from(documentFiles)
    .where(and(eq(documentFiles.tenantId, tenantId), eq(documentFiles.id, fileId)))
    .limit(1);
  if (!f) return null;
  const d = await documentFacts(database, tenantId, f.documentId);
  if (!d || (actor.kind === 'client' && d.contactId !== actor.id)) return null;
  try {
    const contact = await contactFacts(database, tenantId, actor, d.contactId);
    const viewer = await viewerOf(database, tenantId, actor);
    if (!docVisible(viewer, contact, d)) return null;
    return { ...f, title: d.title, contactId: d.contactId, contractId: d.contractId, area: d.area };
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

/** The sweeper: uploads never finalised within 24 h are removed with their objects. */
export async function sweepUploads(database: Db, olderThanHours: number = documentUpload.sweepAfterHours): Promise<number> {
  const stale = await database
    .delete(uploads)
    .where(lt(uploads.createdAt, sql`now() - make_interval(hours => ${olderThanHours})`))
    .returning({ tenantId: uploads.tenantId, key: uploads.objectKey });
  for (const s of stale) {
    try {
      await deleteObject(s.tenantId, s.key);
    } catch {
      /* the object may never have been uploaded */
    }
  }
  return stale.length;
}
