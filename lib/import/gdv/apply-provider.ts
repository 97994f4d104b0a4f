/** Writes an accepted GDV insurer: the tenant's entry for a VU-Nummer seen for the first time (once per tenant). */
import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../ctx';
import { providers } from '../../db/schema';
import { DomainError } from '../../errors';
import type { Applied, ImportApplier, StoredRow, UndoOutcome } from '../types';

/** Another job confirmed the VU-Nummer (or the name) meanwhile. */
const isClash = (e: unknown) => {
  const c = (e as { cause?: { code?: string } })?.cause ?? (e as { code?: string });
  return c?.code === '23505';
};

async function apply(ctx: Ctx, row: StoredRow): Promise<Applied> {
  const vuNumber = String(row.after.vuNumber);
  const name = String(row.after.name);
  try {
    if (row.targetId) {
      await ctx.db
        .update(providers)
        .set({ vuNumber })
        .where(and(eq(providers.tenantId, ctx.tenant.id), eq(providers.id, row.targetId), isNull(providers.vuNumber)));
      return { targetId: row.targetId, created: false, previous: { vuNumber: null }, stamp: null };
    }
    const [created] = await ctx.db
      .insert(providers)
      .values({ tenantId: ctx.tenant.id, kind: 'insurer', name, vuNumber, createdBy: ctx.actor.id })
      .returning();
    return { targetId: created!.id, created: true, previous: null, stamp: null };
  } catch (e) {
    if (isClash(e)) throw new DomainError('conflict', 'gdv.reasons.insurerExists');
    throw e;
  }
}

async function undo(ctx: Ctx, _row: StoredRow, applied: Applied): Promise<UndoOutcome> {
  const where = and(eq(providers.tenantId, ctx.tenant.id), eq(providers.id, applied.targetId));
  if (applied.created) await ctx.db.delete(providers).where(where);
  else await ctx.db.update(providers).set({ vuNumber: null }).where(where);
  return 'undone';
}

export const gdvProviderApplier: ImportApplier = { kind: 'provider', apply, undo };
