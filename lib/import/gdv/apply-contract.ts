/**
 * Writes an accepted GDV contract row: a new contract in the person's folder (as an advisor would add it,
 * so FREIGABEN apply alike) or the insurer's changes to an imported one; audited as "durch Import <Datei>".
 * Undo deletes / restores only what nobody touched since.
 */
import { and, count, eq } from 'drizzle-orm';
import { mayAddTo } from '../../access/folder';
import { viewerOf } from '../../access/viewer';
import { audit } from '../../audit';
import { contactFacts } from '../../contacts/facts';
import { lockedContract, summary } from '../../contracts/rules';
import type { Ctx } from '../../ctx';
import { contracts, documents, importJobs, type Contract } from '../../db/schema';
import { DomainError } from '../../errors';
import type { Applied, FieldValues, ImportApplier, StoredRow, UndoOutcome } from '../types';
import { columnsOf } from './columns';
import { currentValues } from './current';

const isUnique = (e: unknown, name: string) => {
  const c =
    (e as { cause?: { code?: string; constraint_name?: string } })?.cause ??
    (e as { code?: string; constraint_name?: string });
  return c?.code === '23505' && c?.constraint_name === name;
};

/** A job's file name never changes: looked up once per job (the history names it on every row). */
const jobFileNames = new Map<string, string>();

export async function importFileName(ctx: Ctx, row: Pick<StoredRow, 'jobId' | 'fileName'>): Promise<string> {
  if (row.fileName) return row.fileName;
  const known = jobFileNames.get(row.jobId);
  if (known !== undefined) return known;
  const [job] = await ctx.db.select({ name: importJobs.fileName }).from(importJobs).where(eq(importJobs.id, row.jobId));
  if (jobFileNames.size > 1000) jobFileNames.clear();
  jobFileNames.set(row.jobId, job?.name ?? '');
  return job?.name ?? '';
}

async function mayWrite(ctx: Ctx, contactId: string, area: Contract['area']) {
  const facts = await contactFacts(ctx, contactId);
  if (!mayAddTo(await viewerOf(ctx), facts, area)) throw new DomainError('forbidden', 'gdv.reasons.forbidden');
}

async function create(ctx: Ctx, row: StoredRow, resolve: Parameters<ImportApplier['apply']>[2]): Promise<Applied> {
  const contactId = row.dependsOn ? await resolve(row.dependsOn.kind, row.dependsOn.matchKey) : null;
  if (!contactId) throw new DomainError('invalid', 'gdv.reasons.personMissing');
  const area = row.after.area as Contract['area'];
  await mayWrite(ctx, contactId, area);
  let created: Contract;
  try {
    [created] = (await ctx.db
      .insert(contracts)
      .values({
        ...(columnsOf(row.after) as typeof contracts.$inferInsert),
        tenantId: ctx.tenant.id,
        contactId,
        area,
        product: String(row.after.product),
        origin: 'import',
        gdvKey: row.matchKey,
        importValues: row.after as Record<string, string | number | null>,
        createdBy: ctx.actor.id,
        createdByClient: false,
        updatedBy: ctx.actor.id,
      })
      .returning()) as [Contract];
  } catch (e) {
    if (isUnique(e, 'contracts_tenant_gdv_key')) throw new DomainError('conflict', 'gdv.reasons.exists');
    throw e;
  }
  await audit(ctx.db, {
    tenantId: ctx.tenant.id,
    actorType: 'user',
    actorId: ctx.actor.id,
    action: 'contract.created',
    targetType: 'contact',
    targetId: contactId,
    meta: { ...summary(created), byClient: false, importFile: await importFileName(ctx, row), importJob: row.jobId },
  });
  return { targetId: created.id, created: true, previous: null, stamp: created.updatedAt.toISOString() };
}

async function update(ctx: Ctx, row: StoredRow): Promise<Applied> {
  const current = await lockedContract(ctx, row.targetId!);
  await mayWrite(ctx, current.contactId, current.area);
  const now = currentValues(current) as FieldValues;
  for (const [f, v] of Object.entries(row.before ?? {})) {
    if ((now[f] ?? null) !== (v ?? null)) throw new DomainError('conflict', 'gdv.reasons.changedMeanwhile');
  }
  const previous: FieldValues = { __importValues: JSON.stringify(current.importValues ?? null) };
  for (const f of Object.keys(row.after)) previous[f] = now[f] ?? null;
  const [updated] = await ctx.db
    .update(contracts)
    .set({
      ...columnsOf(row.after, current.partialDates),
      importValues: { ...(current.importValues ?? {}), ...(row.after as Record<string, string | number | null>) },
      updatedBy: ctx.actor.id,
      updatedAt: new Date(),
    })
    .where(and(eq(contracts.tenantId, ctx.tenant.id), eq(contracts.id, current.id)))
    .returning();
  await audit(ctx.db, {
    tenantId: ctx.tenant.id,
    actorType: 'user',
    actorId: ctx.actor.id,
    action: 'contract.updated',
    targetType: 'contact',
    targetId: current.contactId,
    meta: {
      ...summary(updated!),
      fields: Object.keys(row.after),
      importFile: await importFileName(ctx, row),
      importJob: row.jobId,
    },
  });
  return { targetId: current.id, created: false, previous, stamp: updated!.updatedAt.toISOString() };
}

async function undo(ctx: Ctx, row: StoredRow, applied: Applied): Promise<UndoOutcome> {
  const [current] = await ctx.db
    .select()
    .from(contracts)
    .where(and(eq(contracts.tenantId, ctx.tenant.id), eq(contracts.id, applied.targetId)))
    .for('update');
  if (!current || current.updatedAt.toISOString() !== applied.stamp) return 'left';
  const meta = { ...summary(current), importFile: await importFileName(ctx, row), importJob: row.jobId, undo: true };
  const entry = {
    tenantId: ctx.tenant.id,
    actorType: 'user' as const,
    actorId: ctx.actor.id,
    targetType: 'contact',
    targetId: current.contactId,
  };
  if (applied.created) {
    const [docs] = await ctx.db
      .select({ n: count() })
      .from(documents)
      .where(and(eq(documents.tenantId, ctx.tenant.id), eq(documents.contractId, current.id)));
    if (docs!.n > 0) return 'left';
    await ctx.db.delete(contracts).where(and(eq(contracts.tenantId, ctx.tenant.id), eq(contracts.id, current.id)));
    await audit(ctx.db, { ...entry, action: 'contract.deleted', meta });
    return 'undone';
  }
  const { __importValues, ...fields } = applied.previous ?? {};
  await ctx.db
    .update(contracts)
    .set({
      ...columnsOf(fields, current.partialDates),
      importValues: JSON.parse(String(__importValues ?? 'null')) as Contract['importValues'],
      updatedBy: ctx.actor.id,
      updatedAt: new Date(),
    })
    .where(and(eq(contracts.tenantId, ctx.tenant.id), eq(contracts.id, current.id)));
  await audit(ctx.db, { ...entry, action: 'contract.updated', meta: { ...meta, fields: Object.keys(fields) } });
  return 'undone';
}

export const gdvContractApplier: ImportApplier = {
  kind: 'contract',
  apply: (ctx, row, resolve) => (row.targetId ? update(ctx, row) : create(ctx, row, resolve)),
  undo,
};
