import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { Tenant } from '../db/schema';

/**
 * The login page of a tenant, rendered once and served from memory (proxy.ts), because it is the same for
 * every visitor who is not signed in: its words, the tenant's name, colours and logo.
 *
 * CSP nonces stay per request: the page is rendered by a request to this very server (through the proxy,
 * so with a nonce of its own), that nonce is replaced by a marker in the stored HTML, and every visitor gets
 * the HTML with a fresh nonce that matches the Content-Security-Policy header of their response. Hashes were
 * no alternative: Next's inline scripts carry the page's RSC payload, which the browser would have to match
 * byte for byte, and 'strict-dynamic' with a nonce keeps working for the chunks Next loads later.
 *
 * Invalidation: the key holds the tenant's whole row as the tenant lookup returns it (lib/tenant/lookup.ts,
 * 15 s per process), so a changed name, colour, logo (branding version) or language renders anew – at once
 * on the instance that saved it (it forgets its tenant cache), within the tenant cache's 15 s on the others.
 * A new build starts with an empty cache.
 */

const maxEntries = 500;

interface Entry {
  body: string;
  headers: [string, string][];
}

interface State {
  secret: string;
  entries: Map<string, Entry>;
  pending: Map<string, Promise<Entry | null>>;
}

// One cache per process (Next bundles the proxy separately from pages and route handlers).
const globalRef = globalThis as unknown as { __mappeLoginCache?: State };
const state = (globalRef.__mappeLoginCache ??= {
  secret: randomBytes(24).toString('base64url'),
  entries: new Map(),
  pending: new Map(),
});

/** Stands for the nonce in the stored page and headers (random per process, so no page text can contain it). */
const marker = `mappe-nonce-${state.secret}`;

/** The header that marks the proxy's own render request (its value is a secret of this process). */
export const loginRenderHeader = 'x-mappe-login-render';

export function isLoginRender(h: Pick<Headers, 'get'>): boolean {
  return h.get(loginRenderHeader) === state.secret;
}

/** Headers of the render that are not the visitor's to get back (security headers come from the proxy). */
const dropped = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'date',
  'set-cookie',
  'x-request-id',
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'permissions-policy',
  'cross-origin-opener-policy',
  'x-frame-options',
  'strict-transport-security',
]);

/**
 * The cache key of a request for the login page, or null when this request must be rendered: not a plain
 * document GET of /login (or /login?abgemeldet=1), a client-side navigation (RSC), or a session cookie
 * (a signed-in visitor is sent on to their start page).
 */
export function loginCacheKey(
  request: { method: string; headers: Pick<Headers, 'get'>; pathname: string; search: string },
  tenant: Tenant,
  cookies: { locale: string | undefined; hasSession: boolean },
): string | null {
  if (request.method !== 'GET' || request.pathname !== '/login') return null;
  if (request.search !== '' && request.search !== '?abgemeldet=1') return null;
  const h = request.headers;
  if (h.get('rsc') || h.get('next-router-state-tree') || h.get('next-action') || h.get('next-router-prefetch'))
    return null;
  if (cookies.hasSession) return null;
  const locale = cookies.locale === 'de' || cookies.locale === 'en' ? cookies.locale : '';
  return `${JSON.stringify(tenant)}|${locale}|${request.search}`;
}

export function cachedLogin(key: string): Entry | undefined {
  return state.entries.get(key);
}

/** The stored page and its headers (e.g. the font preload's Link) with this response's nonce. */
export function withNonce(entry: Entry, nonce: string): { body: string; headers: [string, string][] } {
  return {
    body: entry.body.split(marker).join(nonce),
    headers: entry.headers.map(([k, v]) => [k, v.split(marker).join(nonce)]),
  };
}

function render(port: number, host: string, search: string, locale: string): Promise<Entry | null> {
  return new Promise((resolve) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'GET',
        path: `/login${search}`,
        headers: {
          host,
          accept: 'text/html',
          'user-agent': 'mappe-login-cache',
          [loginRenderHeader]: state.secret,
          ...(locale ? { cookie: `mappe.locale=${locale}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', () => resolve(null));
        res.on('end', () => {
          const csp = String(res.headers['content-security-policy'] ?? '');
          const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
          const type = String(res.headers['content-type'] ?? '');
          if (res.statusCode !== 200 || !nonce || !type.startsWith('text/html') || res.headers['set-cookie'])
            return resolve(null);
          const headers: [string, string][] = [];
          for (const [k, v] of Object.entries(res.headers))
            if (v !== undefined && !dropped.has(k))
              headers.push([k, (Array.isArray(v) ? v.join(', ') : v).split(nonce).join(marker)]);
          resolve({ body: Buffer.concat(chunks).toString('utf8').split(nonce).join(marker), headers });
        });
      },
    );
    req.setTimeout(10_000, () => req.destroy());
    req.on('error', () => resolve(null));
    req.end();
  });
}

/** Renders the page for this key once (concurrent misses share the render); null when it must not be cached. */
export async function fillLogin(
  key: string,
  o: { port: number; host: string; search: string; locale: string | undefined },
): Promise<Entry | null> {
  const running = state.pending.get(key);
  if (running) return running;
  const locale = o.locale === 'de' || o.locale === 'en' ? o.locale : '';
  const job = render(o.port, o.host, o.search, locale).then((entry) => {
    state.pending.delete(key);
    if (entry) {
      if (state.entries.size >= maxEntries) state.entries.clear();
      state.entries.set(key, entry);
    }
    return entry;
  });
  state.pending.set(key, job);
  return job;
}

/** Forget every stored login page (tests; a tenant change needs no call, the key changes with the row). */
export function forgetLoginCache(): void {
  state.entries.clear();
}
