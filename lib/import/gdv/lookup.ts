/**
 * What a GDV check needs from the database, per batch of contracts (a few queries per 200 contracts, not
 * per contract): existing contracts by GDV key, persons by the insurer's Kundennummer, persons by surname +
 * first name (+ birth date), the tenant's provider for a VU-Nummer. Read only.
 */
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { contactInsurerNumbers, contracts, providers, users, type Contract } from '../../db/schema';

export async function contractsByKey(db: Tx, tenantId: string, keys: string[]): Promise<Map<string, Contract>> {
  if (!keys.length) return new Map();
  const rows = await db
    .select()
    .from(contracts)
    .where(and(eq(contracts.tenantId, tenantId), inArray(contracts.gdvKey, keys)));
  return new Map(rows.map((r) => [r.gdvKey!, r]));
}

/** `vu:number` → contact id. */
export async function contactsByNumber(
  db: Tx,
  tenantId: string,
  pairs: [string, string][],
): Promise<Map<string, string>> {
  if (!pairs.length) return new Map();
  const rows = await db
    .select()
    .from(contactInsurerNumbers)
    .where(
      and(
        eq(contactInsurerNumbers.tenantId, tenantId),
        // The pairs as one JSON parameter (not an OR of 2 × 200 parameters: lib/db/bulk.ts says why).
        sql`(${contactInsurerNumbers.vuNumber}, ${contactInsurerNumbers.customerNumber}) IN (
          SELECT p->>0, p->>1 FROM jsonb_array_elements(${JSON.stringify(pairs)}::jsonb) AS p)`,
      ),
    );
  return new Map(rows.map((r) => [`${r.vuNumber}:${r.customerNumber}`, r.contactId]));
}

export interface NamedContact {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string | null;
}

/** Client contacts by surname as delivered or lower-cased (the caller compares normalised names). */
export async function contactsByName(db: Tx, tenantId: string, names: string[]): Promise<NamedContact[]> {
  if (!names.length) return [];
  const lowered = [...new Set(names.map((n) => n.toLowerCase()))];
  return db
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName, birthDate: users.birthDate })
    .from(users)
    .where(
      and(
        eq(users.tenantId, tenantId),
        eq(users.kind, 'client'),
        or(inArray(sql`lower(${users.lastName})`, lowered), inArray(users.lastName, names)),
      ),
    );
}

/** The tenant's provider confirmed for a VU-Nummer (or one of the shipped catalogue's), else null. */
export async function providerByVu(db: Tx, tenantId: string, vu: string): Promise<{ id: string; name: string } | null> {
  const [row] = await db
    .select({ id: providers.id, name: providers.name, tenantId: providers.tenantId })
    .from(providers)
    .where(and(eq(providers.vuNumber, vu), or(eq(providers.tenantId, tenantId), isNull(providers.tenantId))))
    .orderBy(sql`${providers.tenantId} is null`)
    .limit(1);
  return row ? { id: row.id, name: row.name } : null;
}

/** A tenant's own insurer entry of exactly this name (case-insensitive), to put the VU-Nummer on. */
export async function providerByName(
  db: Tx,
  tenantId: string,
  name: string,
): Promise<{ id: string; name: string } | null> {
  const [row] = await db
    .select({ id: providers.id, name: providers.name })
    .from(providers)
    .where(
      and(
        eq(providers.tenantId, tenantId),
        eq(providers.kind, 'insurer'),
        sql`lower(${providers.name}) = lower(${name})`,
      ),
    )
    .limit(1);
  return row ?? null;
}
