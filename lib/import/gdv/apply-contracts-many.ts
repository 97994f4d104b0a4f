/**
 * The bulk form of the GDV contract applier (issue 14 bench: 50,000 contracts ≤ 120 s): one chunk's new
 * contracts with one multi-row INSERT … ON CONFLICT DO NOTHING, the persons and folder rights preloaded in one
 * query each, the changed ones locked together, and all audit rows in one statement. Same rules as
 * apply-contract.ts row by row (which stays the fallback and the single-row form).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { mayAddTo, type Viewer } from '../../access/folder';
import { viewerOf } from '../../access/viewer';
import { auditMany, type AuditEntry } from '../../audit';
import { contactFactsMany } from '../../contacts/facts';
import { summary } from '../../contracts/rules';
import type { Ctx } from '../../ctx';
import { insertManyReturning } from '../../db/bulk';
import { contracts, type Contract } from '../../db/schema';
import type { Applied, FieldValues, ImportApplier, Refused, ResolveMany, StoredRow } from '../types';
import { columnsOf } from './columns';
import { currentValues } from './current';
import { gdvContractApplier, importFileName } from './apply-contract';

type Outcomes = Map<string, Applied | Refused>;

function entry(ctx: Ctx, action: string, contactId: string, meta: Record<string, unknown>): AuditEntry {
  return {
    tenantId: ctx.tenant.id,
    actorType: 'user',
    actorId: ctx.actor.id,
    action,
    targetType: 'contact',
    targetId: contactId,
    meta,
  };
}

async function rightsOf(ctx: Ctx, viewer: Viewer, contactIds: string[]) {
  const facts = await contactFactsMany(ctx, contactIds);
  return (contactId: string, area: Contract['area']): string | null => {
    const f = facts.get(contactId);
    if (!f) return 'contacts.errors.notFound';
    return mayAddTo(viewer, f, area) ? null : 'gdv.reasons.forbidden';
  };
}

async function createMany(ctx: Ctx, viewer: Viewer, rows: StoredRow[], resolve: ResolveMany, out: Outcomes) {
  if (rows.length === 0) return;
  const refs = rows.flatMap((r) => (r.dependsOn ? [r.dependsOn] : []));
  const contactOf = await resolve(refs);
  const idOf = (r: StoredRow) =>
    r.dependsOn ? contactOf.get(`${r.dependsOn.kind}|${r.dependsOn.matchKey}`) : undefined;
  const refusal = await rightsOf(
    ctx,
    viewer,
    rows.flatMap((r) => idOf(r) ?? []),
  );
  const insert: StoredRow[] = [];
  for (const r of rows) {
    const contactId = idOf(r);
    const no = contactId ? refusal(contactId, r.after.area as Contract['area']) : 'gdv.reasons.personMissing';
    if (no) out.set(r.id, { refused: no });
    else insert.push(r);
  }
  if (insert.length === 0) return;
  const created = await insertManyReturning(
    ctx.db,
    contracts,
    insert.map((r) => ({
      ...(columnsOf(r.after) as typeof contracts.$inferInsert),
      tenantId: ctx.tenant.id,
      contactId: idOf(r)!,
      area: r.after.area as Contract['area'],
      product: String(r.after.product),
      origin: 'import' as const,
      gdvKey: r.matchKey,
      importValues: r.after as Record<string, string | number | null>,
      createdBy: ctx.actor.id,
      createdByClient: false,
      updatedBy: ctx.actor.id,
    })),
    {
      onConflictDoNothing: true,
      pick: ['id', 'area', 'product', 'provider', 'title', 'gdvKey', 'contactId', 'updatedAt'],
    },
  );
  const byKey = new Map(created.map((c) => [c.gdvKey, c]));
  const audits: AuditEntry[] = [];
  for (const r of insert) {
    const c = byKey.get(r.matchKey);
    // Not inserted: the key exists already (another job, or twice in this chunk: the first one wins).
    if (!c) {
      out.set(r.id, { refused: 'gdv.reasons.exists' });
      continue;
    }
    byKey.delete(r.matchKey);
    const meta = { ...summary(c), byClient: false, importFile: await importFileName(ctx, r), importJob: r.jobId };
    audits.push(entry(ctx, 'contract.created', c.contactId, meta));
    out.set(r.id, { targetId: c.id, created: true, previous: null, stamp: c.updatedAt.toISOString() });
  }
  await auditMany(ctx.db, audits);
}

async function updateMany(ctx: Ctx, viewer: Viewer, rows: StoredRow[], out: Outcomes) {
  if (rows.length === 0) return;
  const locked = await ctx.db
    .select()
    .from(contracts)
    .where(
      and(
        eq(contracts.tenantId, ctx.tenant.id),
        inArray(
          contracts.id,
          rows.map((r) => r.targetId!),
        ),
      ),
    )
    .for('update');
  const byId = new Map(locked.map((c) => [c.id, c]));
  const refusal = await rightsOf(
    ctx,
    viewer,
    locked.map((c) => c.contactId),
  );
  const audits: AuditEntry[] = [];
  for (const r of rows) {
    const current = byId.get(r.targetId!);
    if (!current) {
      out.set(r.id, { refused: 'contracts.errors.notFound' });
      continue;
    }
    const no = refusal(current.contactId, current.area);
    const now = currentValues(current) as FieldValues;
    const moved = Object.entries(r.before ?? {}).some(([f, v]) => (now[f] ?? null) !== (v ?? null));
    if (no || moved) {
      out.set(r.id, { refused: no ?? 'gdv.reasons.changedMeanwhile' });
      continue;
    }
    const previous: FieldValues = { __importValues: JSON.stringify(current.importValues ?? null) };
    for (const f of Object.keys(r.after)) previous[f] = now[f] ?? null;
    const [updated] = await ctx.db
      .update(contracts)
      .set({
        ...columnsOf(r.after, current.partialDates),
        importValues: { ...(current.importValues ?? {}), ...(r.after as Record<string, string | number | null>) },
        updatedBy: ctx.actor.id,
        updatedAt: new Date(),
      })
      .where(and(eq(contracts.tenantId, ctx.tenant.id), eq(contracts.id, current.id)))
      .returning();
    const meta = {
      ...summary(updated!),
      fields: Object.keys(r.after),
      importFile: await importFileName(ctx, r),
      importJob: r.jobId,
    };
    audits.push(entry(ctx, 'contract.updated', current.contactId, meta));
    out.set(r.id, { targetId: current.id, created: false, previous, stamp: updated!.updatedAt.toISOString() });
  }
  await auditMany(ctx.db, audits);
}

export async function applyContracts(ctx: Ctx, rows: StoredRow[], resolve: ResolveMany): Promise<Outcomes> {
  const out: Outcomes = new Map();
  const viewer = await viewerOf(ctx);
  await createMany(
    ctx,
    viewer,
    rows.filter((r) => !r.targetId),
    resolve,
    out,
  );
  await updateMany(
    ctx,
    viewer,
    rows.filter((r) => r.targetId),
    out,
  );
  return out;
}

export const gdvContractBulkApplier: ImportApplier = { ...gdvContractApplier, applyMany: applyContracts };
