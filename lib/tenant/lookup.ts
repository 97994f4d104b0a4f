import { eq } from 'drizzle-orm';
import { db } from '../db/client';
import { tenantDomains, tenants, type Tenant } from '../db/schema';
import { env } from '../env';
import { matchHost, type HostMatch } from './host';

/** Tenants change rarely; a short per-process cache keeps the proxy cheap (performance anchor #9). */
const TTL_MS = 15_000;
// On globalThis: Next bundles route handlers, pages and actions separately, and a change (e.g. WHITELABEL)
// must clear the one cache of the process, not just the copy in the action's bundle.
const globalRef = globalThis as unknown as { __mappeTenantCache?: Map<string, { at: number; tenant: Tenant | null }> };
const cache = (globalRef.__mappeTenantCache ??= new Map());

async function load(match: HostMatch): Promise<Tenant | null> {
  if (match.kind === 'slug') {
    const [row] = await db().select().from(tenants).where(eq(tenants.slug, match.slug)).limit(1);
    return row ?? null;
  }
  if (match.kind === 'custom') {
    const [row] = await db()
      .select({ tenant: tenants })
      .from(tenantDomains)
      .innerJoin(tenants, eq(tenants.id, tenantDomains.tenantId))
      .where(eq(tenantDomains.host, match.host))
      .limit(1);
    return row?.tenant ?? null;
  }
  return null;
}

/** The active tenant for a host, or null (unknown, suspended, platform or invalid host). */
export async function findTenantByHost(rawHost: string | null | undefined): Promise<Tenant | null> {
  const match = matchHost(rawHost, env().APP_ROOT_DOMAIN);
  if (match.kind !== 'slug' && match.kind !== 'custom') return null;
  const key = match.host;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.tenant;
  const tenant = await load(match);
  const active = tenant && tenant.status === 'active' ? tenant : null;
  if (cache.size > 5_000) cache.clear();
  cache.set(key, { at: Date.now(), tenant: active });
  return active;
}

/** Drop cached lookups (after a tenant's theme or status changed in this process). */
export function forgetTenantCache(): void {
  cache.clear();
}

/** The tenant's canonical base URL; links in e-mails are built from this, never from a request's Host. */
export function tenantBaseUrl(tenant: Pick<Tenant, 'slug'>): string {
  const e = env();
  const port = e.APP_PUBLIC_PORT ? `:${e.APP_PUBLIC_PORT}` : '';
  return `${e.APP_URL_SCHEME}://${tenant.slug}.${e.APP_ROOT_DOMAIN}${port}`;
}

export function platformBaseUrl(): string {
  const e = env();
  const port = e.APP_PUBLIC_PORT ? `:${e.APP_PUBLIC_PORT}` : '';
  return `${e.APP_URL_SCHEME}://${e.APP_ROOT_DOMAIN}${port}`;
}
