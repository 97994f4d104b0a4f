/**
 * The host the browser asked for. Without a trusted proxy only the Host header counts (X-Forwarded-Host is
 * whatever the client sent). Behind `hops` trusted proxies, each appending to X-Forwarded-Host, the entry
 * `hops` from the right is the one our outermost proxy added; anything left of it came from the client.
 * Pure: used by proxy.ts and by pages, actions and route handlers (lib/tenant/request.ts).
 */
export function trustedHost(h: Pick<Headers, 'get'>, options: { trustProxy: boolean; hops: number }): string | null {
  const host = h.get('host');
  if (!options.trustProxy) return host;
  const entries = (h.get('x-forwarded-host') ?? '').split(',').map((e) => e.trim());
  const trusted = entries.length >= options.hops ? entries[entries.length - options.hops] : undefined;
  return trusted || host;
}
