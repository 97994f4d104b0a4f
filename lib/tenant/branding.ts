import type { Tenant } from '../db/schema';

/** URL of the tenant's uploaded LOGO (versioned, so a replacement is fetched at once), or null. */
export function logoUrl(tenant: Pick<Tenant, 'logoKey' | 'brandingVersion'>): string | null {
  return tenant.logoKey ? `/api/tenant/logo?v=${tenant.brandingVersion}` : null;
}
