import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { isAdmin, type EmployeeLike } from '../access/employee';
import { assertActorInTenant } from '../access/guard';
import { DomainError } from '../actions/domain-error';
import { audit } from '../audit';
import type { Db } from '../db/client';
import { productLines, providers, type FolderArea } from '../db/schema';

export type ProviderKind = 'insurer' | 'finance' | 'other';

const collator = new Intl.Collator('de', { sensitivity: 'base' });

/** Shipped names and the tenant's own, sorted with German collation (the letter index relies on it). */
export async function providerNames(database: Db, tenantId: string, kind: ProviderKind): Promise<{ name: string; own: boolean }[]> {
  const rows = await database
    .select({ name: providers.name, tenantId: providers.tenantId })
    .from(providers)
    .where(and(eq(providers.kind, kind), or(isNull(providers.tenantId), eq(providers.tenantId, tenantId))));
  return rows.map((r) => ({ name: r.name, own: r.tenantId !== null })).sort((a, b) => collator.compare(a.name, b.name));
}

export async function productNames(database: Db, area: FolderArea): Promise<string[]> {
  const rows = await database.select({ name: productLines.name }).from(productLines).where(eq(productLines.area, area)).orderBy(asc(productLines.position));
  return rows.map((r) => r.name);
}

/** A tenant's own providers (EINSTELLUNGEN → ANBIETER). */
export async function ownProviders(database: Db, tenantId: string) {
  return database
    .select({ id: providers.id, kind: providers.kind, name: providers.name, createdAt: providers.createdAt })
    .from(providers)
    .where(eq(providers.tenantId, tenantId))
    .orderBy(asc(providers.kind), asc(sql`lower(${providers.name})`));
}

function requireAdmin(actor: EmployeeLike): void {
  if (!isAdmin(actor)) throw new DomainError('forbidden', 'Nur Admins können eigene Anbieter pflegen.');
}

export async function addProvider(database: Db, tenantId: string, actor: EmployeeLike, input: { kind: ProviderKind; name: string }): Promise<{ id: string }> {
  requireAdmin(actor);
  return database.transaction(async (tx) => {
    await assertActorInTenant(tx, tenantId, actor);
    const [existing] = await tx
      .select({ id: providers.id })
      .from(providers)
      .where(and(eq(providers.kind, input.kind), sql`lower(${providers.name}) = lower(${input.name})`, or(isNull(providers.tenantId), eq(providers.tenantId, tenantId))))
      .limit(1);
    if (existing) throw new DomainError('duplicate', 'Diesen Namen gibt es in der Liste schon.', 'name');
    const [row] = await tx.insert(providers).values({ tenantId, kind: input.kind, name: input.name, createdBy: actor.id }).returning({ id: providers.id });
    await audit(tx, { tenantId, actorType: 'user', actorId: actor.id, action: 'provider.added', targetType: 'provider', targetId: row!.id, meta: { kind: input.kind, name: input.name } });
    return { id: row!.id };
  });
}

/** Removes a tenant's own entry (contracts keep the name they were saved with). Shipped names cannot be removed. */
export async function removeProvider(database: Db, tenantId: string, actor: EmployeeLike, id: string): Promise<void> {
  requireAdmin(actor);
  await database.transaction(async (tx) => {
    await assertActorInTenant(tx, tenantId, actor);
    const deleted = await tx.delete(providers).where(and(eq(providers.tenantId, tenantId), eq(providers.id, id))).returning({ name: providers.name });
    if (deleted.length === 0) throw new DomainError('not_found', 'Diesen Eintrag gibt es nicht (mehr).');
    await audit(tx, { tenantId, actorType: 'user', actorId: actor.id, action: 'provider.removed', targetType: 'provider', targetId: id, meta: { name: deleted[0]!.name } });
  });
}

/** How many shipped names each list has (for the settings page). */
export async function shippedCounts(database: Db): Promise<Record<ProviderKind, number>> {
  const rows = await database.select({ kind: providers.kind, n: sql<number>`count(*)::int` }).from(providers).where(isNull(providers.tenantId)).groupBy(providers.kind);
  return { insurer: 0, finance: 0, other: 0, ...Object.fromEntries(rows.map((r) => [r.kind, r.n])) };
}
