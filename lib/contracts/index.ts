import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { EmployeeLike } from '../access/employee';
import { assertActorInTenant } from '../access/guard';
import { DomainError } from '../actions/domain-error';
import { audit } from '../audit';
import type { Db, Tx } from '../db/client';
import { contactProfiles, contracts, documentFiles, documents, folderAreas, users, type Contract, type DocumentArea, type FolderArea } from '../db/schema';
import { loadGrants } from '../grants';
import { deleteObjectsQuietly } from '../documents/cleanup';
import { mayAddTo, mayChange, maySee, maySeeArea, type ContactFacts, type Viewer } from '../access/folder';
import { areaConfig, normaliseNumber } from './areas';
import { annualTotal, type PaymentFrequency } from './premium';
import type { ContractInput } from './schemas';

export type Actor = EmployeeLike;

export const notFoundMessage = 'Diesen Eintrag gibt es nicht (mehr) oder Sie haben keinen Zugriff darauf.';
const forbidden = () => new DomainError('forbidden', 'Dafür haben Sie keine Berechtigung.');
const missing = () => new DomainError('not_found', notFoundMessage);

/** The viewer as the access rules need it: employees as they are, clients with their FREIGABEN read now. */
export async function viewerOf(tx: Tx, tenantId: string, actor: Actor): Promise<Viewer> {
  if (actor.kind === 'client') return { kind: 'client', clientId: actor.id, grants: await loadGrants(tx, tenantId, actor.id) };
  return { kind: 'employee', employee: actor };
}

/** The contact (a client of this tenant) with the BETREUER the scope rule needs; clients only reach themselves. */
export async function contactFacts(tx: Tx, tenantId: string, actor: Actor, contactId: string): Promise<ContactFacts & { firstName: string; lastName: string }> {
  if (actor.kind === 'client' && actor.id !== contactId) throw missing();
  await assertActorInTenant(tx, tenantId, actor);
  const [row] = await tx
    .select({ id: users.id, advisorId: contactProfiles.advisorId, firstName: users.firstName, lastName: users.lastName })
    .from(users)
    .leftJoin(contactProfiles, and(eq(contactProfiles.tenantId, users.tenantId), eq(contactProfiles.userId, users.id)))
    .where(and(eq(users.tenantId, tenantId), eq(users.kind, 'client'), eq(users.id, contactId)))
    .limit(1);
  if (!row) throw missing();
  return { ...row, advisorId: row.advisorId ?? null };
}

/** Same provider + number in the same area of this contact, among the contracts the viewer may see (nothing hidden leaks). */
async function duplicateOf(tx: Tx, tenantId: string, viewer: Viewer, contact: ContactFacts, input: ContractInput, exceptId?: string): Promise<Contract | null> {
  if (!input.provider || !input.number) return null;
  const rows = await tx
    .select()
    .from(contracts)
    .where(and(eq(contracts.tenantId, tenantId), eq(contracts.contactId, contact.id), eq(contracts.area, input.area), sql`lower(${contracts.provider}) = lower(${input.provider})`));
  return (
    rows.find(
      (r) => r.id !== exceptId && r.number && normaliseNumber(r.number) === normaliseNumber(input.number!) && maySee(viewer, contact, { area: r.area, createdByClient: r.createdByClient }),
    ) ?? null
  );
}

function values(input: ContractInput) {
  return {
    status: input.status,
    product: input.product,
    title: input.title,
    provider: input.provider,
    number: input.number,
    paymentMethod: input.paymentMethod,
    frequency: input.frequency,
    premiumCents: input.premiumCents,
    startDate: input.startDate,
    endDate: input.endDate,
    noticePeriod: input.noticePeriod,
    note: input.note,
  };
}

function duplicateError(input: ContractInput): DomainError {
  return new DomainError(
    'duplicate',
    `Für diesen Kontakt gibt es schon einen Vertrag bei ${input.provider} mit dieser Nummer. Prüfen Sie die Angaben oder bestätigen Sie „Trotzdem speichern“.`,
    'number',
  );
}

function summary(c: Pick<Contract, 'id' | 'area' | 'product' | 'provider' | 'title'>) {
  return { contractId: c.id, area: c.area, product: c.product, provider: c.provider, title: c.title };
}

/** VERTRAG HINZUFÜGEN (advisor or client, per rights); audited on the contact. */
export async function createContract(database: Db, tenantId: string, actor: Actor, contactId: string, input: ContractInput): Promise<{ id: string }> {
  return database.transaction(async (tx) => {
    await assertActorInTenant(tx, tenantId, actor);
    const contact = await contactFacts(tx, tenantId, actor, contactId);
    const viewer = await viewerOf(tx, tenantId, actor);
    if (!maySeeArea(viewer, contact, input.area)) throw missing();
    if (!mayAddTo(viewer, contact, input.area)) throw forbidden();
    if (!input.confirmDuplicate && (await duplicateOf(tx, tenantId, viewer, contact, input))) throw duplicateError(input);
    const byClient = actor.kind === 'client';
    const [row] = await tx
      .insert(contracts)
      .values({ tenantId, contactId, area: input.area, ...values(input), createdBy: actor.id, createdByClient: byClient, updatedBy: actor.id })
      .returning();
    await audit(tx, { tenantId, actorType: 'user', actorId: actor.id, action: 'contract.created', targetType: 'contact', targetId: contactId, meta: { ...summary(row!), byClient } });
    return { id: row!.id };
  });
}

async function lockedContract(tx: Tx, tenantId: string, id: string): Promise<Contract> {
  const [row] = await tx.select().from(contracts).where(and(eq(contracts.tenantId, tenantId), eq(contracts.id, id))).for('update');
  if (!row) throw missing();
  return row;
}

const comparable: (keyof ReturnType<typeof values>)[] = ['status', 'product', 'title', 'provider', 'number', 'paymentMethod', 'frequency', 'premiumCents', 'startDate', 'endDate', 'noticePeriod', 'note'];

/** Edit: employees with write; clients their own, or with DATENFREIGABE also the advisor's. */
export async function updateContract(database: Db, tenantId: string, actor: Actor, id: string, input: ContractInput): Promise<{ id: string; changed: string[] }> {
  return database.transaction(async (tx) => {
    await assertActorInTenant(tx, tenantId, actor);
    const current = await lockedContract(tx, tenantId, id);
    const contact = await contactFacts(tx, tenantId, actor, current.contactId);
    const viewer = await viewerOf(tx, tenantId, actor);
    const item = { area: current.area, createdByClient: current.createdByClient };
    if (!maySee(viewer, contact, item)) throw missing();
    if (!mayChange(viewer, contact, item)) throw forbidden();
    if (input.area !== current.area) throw new DomainError('invalid', 'Der Bereich eines Vertrags lässt sich nicht ändern.');
    if (!input.confirmDuplicate && (await duplicateOf(tx, tenantId, viewer, contact, input, id))) throw duplicateError(input);
    const next = values(input);
    const changed = comparable.filter((k) => String(next[k] ?? '') !== String(current[k] ?? ''));
    if (changed.length === 0) return { id, changed };
    await tx
      .update(contracts)
      .set({ ...next, updatedBy: actor.id, updatedAt: sql`now()` })
      .where(and(eq(contracts.tenantId, tenantId), eq(contracts.id, id)));
    await audit(tx, {
      tenantId,
      actorType: 'user',
      actorId: actor.id,
      action: 'contract.updated',
      targetType: 'contact',
      targetId: current.contactId,
      meta: { ...summary({ ...current, ...next }), fields: changed, byClient: actor.kind === 'client' },
    });
    return { id, changed };
  });
}

/** Delete a contract with its documents; the stored files are removed from S3 after the commit. */
export async function deleteContract(database: Db, tenantId: string, actor: Actor, id: string): Promise<{ contactId: string; area: FolderArea }> {
  const { keys, result } = await database.transaction(async (tx) => {
    await assertActorInTenant(tx, tenantId, actor);
    const current = await lockedContract(tx, tenantId, id);
    const contact = await contactFacts(tx, tenantId, actor, current.contactId);
    const viewer = await viewerOf(tx, tenantId, actor);
    const item = { area: current.area, createdByClient: current.createdByClient };
    if (!maySee(viewer, contact, item)) throw missing();
    if (!mayChange(viewer, contact, item)) throw forbidden();
    const docs = await tx
      .select({ id: documents.id, area: documents.area, createdByClient: documents.createdByClient })
      .from(documents)
      .where(and(eq(documents.tenantId, tenantId), eq(documents.contractId, id)));
    // A client never removes documents they could not delete one by one (e.g. the advisor's, hidden from them).
    if (docs.some((d) => !mayChange(viewer, contact, { area: d.area, createdByClient: d.createdByClient }))) {
      throw new DomainError('forbidden', 'Zu diesem Vertrag gehören Dokumente Ihres Beraters. Bitte wenden Sie sich an ihn, wenn der Vertrag gelöscht werden soll.');
    }
    const files = docs.length
      ? await tx
          .select({ key: documentFiles.objectKey })
          .from(documentFiles)
          .where(and(eq(documentFiles.tenantId, tenantId), inArray(documentFiles.documentId, docs.map((d) => d.id))))
      : [];
    await tx.delete(contracts).where(and(eq(contracts.tenantId, tenantId), eq(contracts.id, id)));
    await audit(tx, { tenantId, actorType: 'user', actorId: actor.id, action: 'contract.deleted', targetType: 'contact', targetId: current.contactId, meta: { ...summary(current), documents: docs.length, byClient: actor.kind === 'client' } });
    return { keys: files.map((f) => f.key), result: { contactId: current.contactId, area: current.area } };
  });
  await deleteObjectsQuietly(tenantId, keys);
  return result;
}

const creator = alias(users, 'creator');
const updater = alias(users, 'updater');

export interface ContractListItem extends Contract {
  createdByName: string | null;
  updatedByName: string | null;
  documentCount: number;
  mayChange: boolean;
}

export interface AreaSummary {
  area: FolderArea;
  count: number;
  annualCents: number;
}

/** The folder areas of a contact the viewer may see, with the number of visible contracts and the annual premium. */
export async function folderOverview(database: Db, tenantId: string, actor: Actor, contactId: string): Promise<{ areas: AreaSummary[]; totalAnnualCents: number }> {
  const contact = await contactFacts(database, tenantId, actor, contactId);
  const viewer = await viewerOf(database, tenantId, actor);
  const visibleAreas = folderAreas.filter((a) => maySeeArea(viewer, contact, a));
  if (visibleAreas.length === 0) return { areas: [], totalAnnualCents: 0 };
  const rows = await database
    .select({ area: contracts.area, createdByClient: contracts.createdByClient, status: contracts.status, frequency: contracts.frequency, premiumCents: contracts.premiumCents })
    .from(contracts)
    .where(and(eq(contracts.tenantId, tenantId), eq(contracts.contactId, contactId), inArray(contracts.area, visibleAreas)));
  const seen = rows.filter((r) => maySee(viewer, contact, { area: r.area, createdByClient: r.createdByClient }));
  const areas = visibleAreas.map((area) => {
    const inArea = seen.filter((r) => r.area === area);
    return { area, count: inArea.length, annualCents: areaConfig[area].premiums ? annualOf(inArea) : 0 };
  });
  return { areas, totalAnnualCents: areas.reduce((s, a) => s + a.annualCents, 0) };
}

function annualOf(rows: { premiumCents: number | null; frequency: string | null; status: string | null }[]): number {
  return annualTotal(rows.map((r) => ({ premiumCents: r.premiumCents, frequency: r.frequency as PaymentFrequency | null, status: r.status ?? '' })));
}

/** One area of a contact's folder: the visible contracts (with who created/changed them) and what the viewer may do. */
export async function listArea(database: Db, tenantId: string, actor: Actor, contactId: string, area: FolderArea) {
  const contact = await contactFacts(database, tenantId, actor, contactId);
  const viewer = await viewerOf(database, tenantId, actor);
  if (!maySeeArea(viewer, contact, area)) throw missing();
  const rows = await database
    .select({
      contract: contracts,
      createdFirst: creator.firstName,
      createdLast: creator.lastName,
      updatedFirst: updater.firstName,
      updatedLast: updater.lastName,
    })
    .from(contracts)
    .leftJoin(creator, and(eq(creator.tenantId, contracts.tenantId), eq(creator.id, contracts.createdBy)))
    .leftJoin(updater, and(eq(updater.tenantId, contracts.tenantId), eq(updater.id, contracts.updatedBy)))
    .where(and(eq(contracts.tenantId, tenantId), eq(contracts.contactId, contactId), eq(contracts.area, area)))
    .orderBy(asc(contracts.product), asc(contracts.provider), asc(contracts.createdAt));
  // Documents per contract, counted as the viewer sees them (a client may not see the advisor's).
  const docRows = await database
    .select({ contractId: documents.contractId, area: documents.area, createdByClient: documents.createdByClient })
    .from(documents)
    .where(and(eq(documents.tenantId, tenantId), eq(documents.contactId, contactId), eq(documents.area, area), sql`${documents.contractId} is not null`));
  const docCount = new Map<string, number>();
  for (const d of docRows) if (maySee(viewer, contact, { area: d.area, createdByClient: d.createdByClient })) docCount.set(d.contractId!, (docCount.get(d.contractId!) ?? 0) + 1);
  const items: ContractListItem[] = rows
    .filter((r) => maySee(viewer, contact, { area, createdByClient: r.contract.createdByClient }))
    .map((r) => ({
      ...r.contract,
      createdByName: r.createdFirst ? `${r.createdFirst} ${r.createdLast}` : null,
      updatedByName: r.updatedFirst ? `${r.updatedFirst} ${r.updatedLast}` : null,
      documentCount: docCount.get(r.contract.id) ?? 0,
      mayChange: mayChange(viewer, contact, { area, createdByClient: r.contract.createdByClient }),
    }));
  return {
    contact,
    items,
    annualCents: areaConfig[area].premiums ? annualOf(items) : 0,
    mayAdd: mayAddTo(viewer, contact, area),
  };
}

/** One contract with its creator/updater names and the viewer's rights; 404 when not visible. */
export async function getContract(database: Db, tenantId: string, actor: Actor, id: string) {
  const [row] = await database
    .select({ contract: contracts, createdFirst: creator.firstName, createdLast: creator.lastName, updatedFirst: updater.firstName, updatedLast: updater.lastName })
    .from(contracts)
    .leftJoin(creator, and(eq(creator.tenantId, contracts.tenantId), eq(creator.id, contracts.createdBy)))
    .leftJoin(updater, and(eq(updater.tenantId, contracts.tenantId), eq(updater.id, contracts.updatedBy)))
    .where(and(eq(contracts.tenantId, tenantId), eq(contracts.id, id)))
    .limit(1);
  if (!row) throw missing();
  if (actor.kind === 'client' && row.contract.contactId !== actor.id) throw missing();
  const contact = await contactFacts(database, tenantId, actor, row.contract.contactId);
  const viewer = await viewerOf(database, tenantId, actor);
  const item = { area: row.contract.area, createdByClient: row.contract.createdByClient };
  if (!maySee(viewer, contact, item)) throw missing();
  return {
    contact,
    contract: row.contract,
    createdByName: row.createdFirst ? `${row.createdFirst} ${row.createdLast}` : null,
    updatedByName: row.updatedFirst ? `${row.updatedFirst} ${row.updatedLast}` : null,
    mayChange: mayChange(viewer, contact, item),
    mayAddDocument: mayAddTo(viewer, contact, row.contract.area),
  };
}

/** Contract counts of a contact per area (for tests and the export). */
export async function countContracts(database: Db, tenantId: string, contactId: string): Promise<number> {
  const [row] = await database.select({ n: count() }).from(contracts).where(and(eq(contracts.tenantId, tenantId), eq(contracts.contactId, contactId)));
  return row?.n ?? 0;
}

export type { DocumentArea };
