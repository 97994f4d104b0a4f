/** Pure: the security headers every response carries (R-X5). */

export interface CspOptions {
  nonce: string;
  dev: boolean;
  /** Extra origins for images/uploads (the S3 endpoint). */
  storageOrigin?: string;
  /** Origins allowed to frame the page (per tenant, later); default none. */
  frameAncestors?: string[];
}

export function buildCsp(o: CspOptions): string {
  const storage = o.storageOrigin ? ` ${o.storageOrigin}` : '';
  const frame = o.frameAncestors?.length ? o.frameAncestors.join(' ') : "'none'";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${o.nonce}' 'strict-dynamic'${o.dev ? " 'unsafe-eval'" : ''}`,
    // Next and React inject inline style attributes; colours reaching CSS are validated as #rrggbb.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${storage}`,
    "font-src 'self'",
    `connect-src 'self'${storage}${o.dev ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frame}`,
  ].join('; ');
}

export function securityHeaders(o: CspOptions & { https: boolean; noReferrer?: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': buildCsp(o),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': o.noReferrer ? 'no-referrer' : 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(self), microphone=(), geolocation=(), payment=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  if (!o.frameAncestors?.length) headers['X-Frame-Options'] = 'DENY';
  if (o.https) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}

/**
 * R-X4: a state-changing request (server action or route-handler POST) must come from the same
 * origin. Next already refuses a foreign Origin; this also refuses requests that carry no Origin.
 */
export function isSameOriginWrite(h: Headers, host: string | null): boolean {
  const origin = h.get('origin');
  if (origin) {
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  return h.get('sec-fetch-site') === 'same-origin';
}
