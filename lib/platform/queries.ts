import { sql } from 'drizzle-orm';
import type { PlatformCtx } from './ctx';

export interface TenantOverview {
  id: string;
  slug: string;
  name: string;
  status: string;
  primaryColor: string;
  createdAt: Date;
  accounts: number;
  domains: string[];
}

/** All tenants with their custom domains and account counts (operator area only). */
export async function listTenants(ctx: PlatformCtx): Promise<TenantOverview[]> {
  const rows = await ctx.db.execute<Record<string, unknown>>(sql`
    SELECT t.id, t.slug, t.name, t.status, t.primary_color, t.created_at,
      (SELECT count(*)::int FROM users u WHERE u.tenant_id = t.id) AS accounts,
      coalesce((SELECT array_agg(d.host ORDER BY d.host) FROM tenant_domains d WHERE d.tenant_id = t.id), '{}') AS domains
    FROM tenants t ORDER BY t.name`);
  return rows.map((r) => ({
    id: String(r.id),
    slug: String(r.slug),
    name: String(r.name),
    status: String(r.status),
    primaryColor: String(r.primary_color),
    createdAt: new Date(String(r.created_at)),
    accounts: Number(r.accounts),
    domains: (r.domains as string[]) ?? [],
  }));
}
