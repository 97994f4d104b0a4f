import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { requireSettingsRight } from '../access/require';
import { audit } from '../audit';
import { withTransaction, type Ctx } from '../ctx';
import { productLines, providers, type FolderArea } from '../db/schema';
import { DomainError } from '../errors';

export type ProviderKind = 'insurer' | 'finance' | 'other';

// German collation also for English readers: the names are German and the letter index relies on it.
const collator = new Intl.Collator('de', { sensitivity: 'base' });

/** Shipped names and the tenant's own, sorted with German collation (VERSICHERER / ANBIETER pickers). */
export async function providerNames(
  ctx: Ctx,
  { kind }: { kind: ProviderKind },
): Promise<{ name: string; own: boolean }[]> {
  const rows = await ctx.db
    .select({ name: providers.name, tenantId: providers.tenantId })
    .from(providers)
    .where(and(eq(providers.kind, kind), or(isNull(providers.tenantId), eq(providers.tenantId, ctx.tenant.id))));
  return rows.map((r) => ({ name: r.name, own: r.tenantId !== null })).sort((a, b) => collator.compare(a.name, b.name));
}

/** PRODUKT / SPARTE of an area, in the shipped order. */
export async function productNames(ctx: Ctx, { area }: { area: FolderArea }): Promise<string[]> {
  const rows = await ctx.db
    .select({ name: productLines.name })
    .from(productLines)
    .where(eq(productLines.area, area))
    .orderBy(asc(productLines.position));
  return rows.map((r) => r.name);
}

/** The GDV Sparte of each product line of an area (for the notice placeholder and typed-in contracts). */
export async function productSparten(ctx: Ctx, { area }: { area: FolderArea }): Promise<Record<string, string | null>> {
  const rows = await ctx.db
    .select({ name: productLines.name, sparte: productLines.sparte })
    .from(productLines)
    .where(eq(productLines.area, area));
  return Object.fromEntries(rows.map((r) => [r.name, r.sparte]));
}

/** A tenant's own providers (EINSTELLUNGEN → ANBIETER, admins). */
export async function ownProviders(ctx: Ctx) {
  requireSettingsRight(ctx.actor, 'contracts.errors.providersAdminOnly');
  return ctx.db
    .select({ id: providers.id, kind: providers.kind, name: providers.name, createdAt: providers.createdAt })
    .from(providers)
    .where(eq(providers.tenantId, ctx.tenant.id))
    .orderBy(asc(providers.kind), asc(sql`lower(${providers.name})`));
}

export async function addProvider(ctx: Ctx, input: { kind: ProviderKind; name: string }): Promise<{ id: string }> {
  const { actor, tenant } = ctx;
  requireSettingsRight(actor, 'contracts.errors.providersAdminOnly');
  return withTransaction(ctx, async ({ db: tx }) => {
    const [existing] = await tx
      .select({ id: providers.id })
      .from(providers)
      .where(
        and(
          eq(providers.kind, input.kind),
          sql`lower(${providers.name}) = lower(${input.name})`,
          or(isNull(providers.tenantId), eq(providers.tenantId, tenant.id)),
        ),
      )
      .limit(1);
    if (existing) throw new DomainError('duplicate', 'contracts.errors.providerExists', { field: 'name' });
    const [row] = await tx
      .insert(providers)
      .values({ tenantId: tenant.id, kind: input.kind, name: input.name, createdBy: actor.id })
      .returning({ id: providers.id });
    await audit(tx, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: actor.id,
      action: 'provider.added',
      targetType: 'provider',
      targetId: row!.id,
      meta: { kind: input.kind, name: input.name },
    });
    return { id: row!.id };
  });
}

/** Removes a tenant's own entry (contracts keep the name they were saved with). Shipped names cannot be removed. */
export async function removeProvider(ctx: Ctx, { id }: { id: string }): Promise<void> {
  const { actor, tenant } = ctx;
  requireSettingsRight(actor, 'contracts.errors.providersAdminOnly');
  await withTransaction(ctx, async ({ db: tx }) => {
    const deleted = await tx
      .delete(providers)
      .where(and(eq(providers.tenantId, tenant.id), eq(providers.id, id)))
      .returning({ name: providers.name });
    if (deleted.length === 0) throw new DomainError('not_found', 'contracts.errors.providerNotFound');
    await audit(tx, {
      tenantId: tenant.id,
      actorType: 'user',
      actorId: actor.id,
      action: 'provider.removed',
      targetType: 'provider',
      targetId: id,
      meta: { name: deleted[0]!.name },
    });
  });
}

/** How many shipped names each list has (for the settings page). */
export async function shippedCounts(ctx: Ctx): Promise<Record<ProviderKind, number>> {
  const rows = await ctx.db
    .select({ kind: providers.kind, n: sql<number>`count(*)::int` })
    .from(providers)
    .where(isNull(providers.tenantId))
    .groupBy(providers.kind);
  return { insurer: 0, finance: 0, other: 0, ...Object.fromEntries(rows.map((r) => [r.kind, r.n])) };
}
