import 'server-only';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { env } from '../env';
import { findTenantByHost } from './lookup';

/** The host the browser asked for (X-Forwarded-Host only behind a trusted proxy). */
export function requestHost(h: Headers): string | null {
  if (env().TRUST_PROXY) {
    const forwarded = h.get('x-forwarded-host')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return h.get('host');
}

/** The tenant of the current request, from the host only (never from input). Cached per request. */
export const currentTenant = cache(async () => findTenantByHost(requestHost(await headers())));

export async function requireTenant() {
  const tenant = await currentTenant();
  if (!tenant) notFound();
  return tenant;
}

export { clientIp } from './request-ip';
