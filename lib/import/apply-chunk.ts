/**
 * One chunk of ÜBERNEHMEN (issue 14): the rows of one kind go through the applier's bulk form (`applyMany`,
 * set-based SQL) or, without one or when it fails, row by row in savepoints; then every row's outcome is
 * written with one UPDATE … FROM (VALUES …) in the chunk's transaction, so a restart never writes twice.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../ctx';
import type { Tx } from '../db/client';
import { importRows, type ImportRow } from '../db/schema';
import { DomainError } from '../errors';
import { LeaseLost } from './lease';
import { appliers } from './registry';
import type { Applied, Refused, ResolveMany, RowKind, StoredRow } from './types';

/** The row as the applier sees it: the user's decision among ambiguous candidates wins over the proposal. */
export function storedRow(r: ImportRow): StoredRow {
  const targetId = r.decision ? (r.decision === 'new' ? null : r.decision) : r.targetId;
  return {
    id: r.id,
    jobId: r.jobId,
    line: r.line,
    fileName: r.fileName,
    kind: r.kind,
    status: r.decision === 'new' ? 'new' : r.status,
    matchKey: r.matchKey,
    targetId,
    before: r.before,
    after: r.after,
    dependsOn: r.dependsOn ?? null,
  };
}

const targetOf = (r: { applied: string | null; target: string | null; decision: string | null }) =>
  r.applied ?? (r.decision && r.decision !== 'new' ? r.decision : r.target);

/** The ids `dependsOn` rows of the same job were applied to (or matched), in one query per chunk. */
export function resolverMany(tx: Tx, jobId: string): ResolveMany {
  return async (refs) => {
    const out = new Map<string, string>();
    const byKind = new Map<RowKind, Set<string>>();
    for (const r of refs) byKind.set(r.kind, (byKind.get(r.kind) ?? new Set()).add(r.matchKey));
    for (const [kind, keys] of byKind) {
      const rows = await tx
        .select({
          key: importRows.matchKey,
          applied: importRows.appliedTargetId,
          target: importRows.targetId,
          decision: importRows.decision,
        })
        .from(importRows)
        .where(and(eq(importRows.jobId, jobId), eq(importRows.kind, kind), inArray(importRows.matchKey, [...keys])));
      for (const r of rows) {
        const id = targetOf(r);
        if (id && r.key && !out.has(`${kind}|${r.key}`)) out.set(`${kind}|${r.key}`, id);
      }
    }
    return out;
  };
}

/** The single-row form of the resolver (for appliers without `applyMany`). */
function resolverOne(many: ResolveMany) {
  return async (kind: RowKind, matchKey: string) =>
    (await many([{ kind, matchKey }])).get(`${kind}|${matchKey}`) ?? null;
}

/** One row in a savepoint: a refusal (DomainError) is the row's outcome, anything else fails the chunk. */
async function applyOne(ctx: Ctx, row: StoredRow, resolve: ResolveMany): Promise<Applied | Refused> {
  const applier = appliers[row.kind]!;
  try {
    return await ctx.db.transaction((sp) => applier.apply({ ...ctx, db: sp }, row, resolverOne(resolve)));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { refused: error.key };
  }
}

/** Applies one chunk of rows of one kind; returns each row's outcome by row id (not yet written). */
export async function applyChunk(ctx: Ctx, rows: ImportRow[]): Promise<Map<string, Applied | Refused>> {
  const results = new Map<string, Applied | Refused>();
  const ready: StoredRow[] = [];
  for (const r of rows) {
    if (!appliers[r.kind]) results.set(r.id, { refused: 'import.reasons.unsupported' });
    else if (r.candidates?.length && !r.decision) results.set(r.id, { refused: 'import.reasons.undecided' });
    else ready.push(storedRow(r));
  }
  if (ready.length === 0) return results;
  const applier = appliers[ready[0]!.kind]!;
  const resolve = resolverMany(ctx.db, ready[0]!.jobId);
  if (applier.applyMany) {
    try {
      const many = await ctx.db.transaction((sp) => applier.applyMany!({ ...ctx, db: sp }, ready, resolve));
      for (const [id, v] of many) results.set(id, v);
      return results;
    } catch (error) {
      if (error instanceof LeaseLost) throw error;
      // A clash with a concurrent write (or a refusal of the whole chunk): redo it row by row.
      if (!(error instanceof DomainError))
        console.warn('[import] chunk redone row by row:', error instanceof Error ? error.message : error);
    }
  }
  for (const row of ready) results.set(row.id, await applyOne(ctx, row, resolve));
  return results;
}

const isRefused = (v: Applied | Refused): v is Refused => 'refused' in v;

/**
 * Writes the chunk's outcomes onto its import rows (two statements, each with the chunk as one JSON parameter:
 * lib/db/bulk.ts says why), returns how many applied / refused.
 */
export async function writeOutcomes(
  tx: Tx,
  results: Map<string, Applied | Refused>,
): Promise<{ applied: number; refused: number }> {
  const ok: { id: string; t: string; c: boolean; p: Applied['previous']; s: string | null }[] = [];
  const no: { id: string; k: string }[] = [];
  for (const [id, v] of results) {
    if (isRefused(v)) no.push({ id, k: v.refused });
    else ok.push({ id, t: v.targetId, c: v.created, p: v.previous ?? null, s: v.stamp ?? null });
  }
  if (ok.length)
    await tx.execute(sql`
      UPDATE import_rows r SET applied_at = now(), applied_target_id = v.t, applied_created = v.c,
        previous = v.p, applied_stamp = v.s
      FROM jsonb_to_recordset(${JSON.stringify(ok)}::jsonb) AS v(id uuid, t uuid, c boolean, p jsonb, s text)
      WHERE r.id = v.id`);
  if (no.length)
    await tx.execute(sql`
      UPDATE import_rows r SET apply_error = v.k
      FROM jsonb_to_recordset(${JSON.stringify(no)}::jsonb) AS v(id uuid, k text) WHERE r.id = v.id`);
  return { applied: ok.length, refused: no.length };
}
