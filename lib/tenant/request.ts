import 'server-only';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { env } from '../env';
import { trustedHost } from './forwarded';
import { findTenantByHost } from './lookup';

/** The host the browser asked for (X-Forwarded-Host only behind a trusted proxy, from its trusted hop). */
export function requestHost(h: Headers): string | null {
  const e = env();
  return trustedHost(h, { trustProxy: e.TRUST_PROXY, hops: e.TRUST_PROXY_HOPS });
}

/** The tenant of the current request, from the host only (never from input). Cached per request. */
export const currentTenant = cache(async () => findTenantByHost(requestHost(await headers())));

export async function requireTenant() {
  const tenant = await currentTenant();
  if (!tenant) notFound();
  return tenant;
}

export { clientIp } from './request-ip';
