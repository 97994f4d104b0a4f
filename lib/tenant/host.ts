/** Pure host → tenant resolution rules (no I/O); see tests/unit/host.test.ts. */

export type HostMatch =
  | { kind: 'platform'; host: string }
  | { kind: 'slug'; slug: string; host: string }
  | { kind: 'custom'; host: string }
  | { kind: 'invalid' };

const slugPattern = /^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/;
const labelPattern = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
/** Sub-domains of the root that are never tenants. */
const reserved = new Set(['www', 'app', 'api', 'platform', 'admin', 'mail', 'static']);

export function isValidSlug(slug: string): boolean {
  return slugPattern.test(slug) && !reserved.has(slug);
}

/** Lower-cases, strips the port and a trailing dot; null for anything that is not a plain host name. */
export function normalizeHost(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let host = raw.trim().toLowerCase();
  if (host.startsWith('[')) return null; // IPv6 literals never name a tenant
  const colon = host.lastIndexOf(':');
  if (colon !== -1) {
    const port = host.slice(colon + 1);
    if (!/^\d{1,5}$/.test(port)) return null;
    host = host.slice(0, colon);
  }
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host.length === 0 || host.length > 253) return null;
  if (!host.split('.').every((label) => labelPattern.test(label))) return null;
  return host;
}

export function matchHost(raw: string | null | undefined, rootDomain: string): HostMatch {
  const host = normalizeHost(raw);
  if (!host) return { kind: 'invalid' };
  const root = rootDomain.toLowerCase();
  if (host === root || host === 'localhost' || host === `www.${root}`) return { kind: 'platform', host };
  for (const suffix of new Set([`.${root}`, '.localhost'])) {
    if (host.endsWith(suffix)) {
      const sub = host.slice(0, -suffix.length);
      if (!sub.includes('.') && isValidSlug(sub)) return { kind: 'slug', slug: sub, host };
      return { kind: 'invalid' };
    }
  }
  if (/^\d+(\.\d+){3}$/.test(host)) return { kind: 'invalid' }; // bare IPv4
  return { kind: 'custom', host };
}
