import { NextResponse, type NextRequest } from 'next/server';
import { env } from './lib/env';
import { isSameOriginWrite, securityHeaders } from './lib/http/security-headers';
import { unavailableHtml, unknownHostHtml } from './lib/http/not-found-page';
import { defaultLocale, translate } from './lib/i18n';
import { isOutage } from './lib/outage';
import { mailboxLogin, operatorLogin, operatorRefusal } from './lib/platform/login';
import { trustedHost } from './lib/tenant/forwarded';
import { matchHost } from './lib/tenant/host';
import { findTenantByHost } from './lib/tenant/lookup';
import { sessionCookieName } from './lib/auth/cookie';
import { cachedLogin, fillLogin, isLoginRender, loginCacheKey, withNonce } from './lib/http/login-cache';

/**
 * Next 16's request interceptor (formerly middleware.ts): host → tenant routing, per-request CSP nonce,
 * security headers. Routing only – every page, action and route handler checks tenant and actor again.
 */
export async function proxy(request: NextRequest) {
  const e = env();
  const host = trustedHost(request.headers, { trustProxy: e.TRUST_PROXY, hops: e.TRUST_PROXY_HOPS });
  const match = matchHost(host, e.APP_ROOT_DOMAIN);
  const path = request.nextUrl.pathname;

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const requestId = crypto.randomUUID();
  // Stored files (documents, attachments): nothing in them may run on our origin.
  const isFileRoute = path.startsWith('/api/files/') || path.startsWith('/api/attachments/');
  /** Only the embeddable login card may be framed, and only by the tenant's listed websites. */
  let frameAncestors: string[] | undefined;
  const headersFor = () =>
    securityHeaders({
      nonce,
      dev: e.NODE_ENV === 'development',
      https: e.APP_URL_SCHEME === 'https',
      storageOrigin: e.S3_ENDPOINT ? new URL(e.S3_ENDPOINT).origin : undefined,
      noReferrer: path.startsWith('/activate') || path.startsWith('/reset'),
      frameAncestors,
    });
  const headerSet = headersFor();
  const finish = (response: NextResponse) => {
    for (const [k, v] of Object.entries(headersFor())) response.headers.set(k, v);
    response.headers.set('x-request-id', requestId);
    if (isFileRoute)
      response.headers.set('Content-Security-Policy', fileCsp(request.nextUrl.searchParams.get('inline') === '1'));
    return response;
  };

  // Client-sent internal headers never reach the app.
  const requestHeaders = new Headers(request.headers);
  for (const key of [...requestHeaders.keys()]) if (key.startsWith('x-mappe-')) requestHeaders.delete(key);
  requestHeaders.set('content-security-policy', headerSet['Content-Security-Policy']!);
  requestHeaders.set('x-mappe-nonce', nonce);
  // One id per request: logged with every unexpected error and shown to the user as the reference.
  requestHeaders.set('x-mappe-request-id', requestId);

  const unknownHost = () =>
    new NextResponse(unknownHostHtml(), {
      status: 404,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    });

  if (request.method === 'POST' && !isSameOriginWrite(request.headers, host)) {
    return finish(
      new NextResponse('Anfrage abgelehnt.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } }),
    );
  }

  // A server action's arguments as text must be the JSON array React encodes; anything else would make Next
  // fail while decoding (a 500 before any of our code runs). Refused here with a 400 (found by fuzzing).
  if (request.method === 'POST' && request.headers.has('next-action') && !(await wellFormedActionBody(request))) {
    return finish(
      new NextResponse('Anfrage abgelehnt.', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } }),
    );
  }

  if (path === '/api/health') return finish(NextResponse.next({ request: { headers: requestHeaders } }));

  if (match.kind === 'platform') {
    // Failed logins count per address (lib/platform/login.ts): after 10 in 10 minutes, 429 unchecked.
    const login = await operatorLogin(request.headers, e.PLATFORM_ADMIN_PASSWORD);
    if (login !== 'ok') {
      const refusal = operatorRefusal(login, 'platform');
      return finish(new NextResponse(refusal.body, { status: refusal.status, headers: refusal.headers }));
    }
    if (!path.startsWith('/platform')) {
      const url = request.nextUrl.clone();
      url.pathname = `/platform${path === '/' ? '' : path}`;
      return finish(NextResponse.rewrite(url, { request: { headers: requestHeaders } }));
    }
    return finish(NextResponse.next({ request: { headers: requestHeaders } }));
  }

  if (match.kind === 'invalid') return unknownHost();
  let tenant: Awaited<ReturnType<typeof findTenantByHost>>;
  try {
    tenant = await findTenantByHost(host);
  } catch (error) {
    if (!isOutage(error)) throw error;
    // The database is down (restarting): a calm page instead of "Internal Server Error"; it comes back by itself.
    console.warn(`[${requestId}] tenant lookup: unavailable`);
    const headers = { 'retry-after': '30', 'cache-control': 'no-store' };
    if (path.startsWith('/api/'))
      return finish(
        NextResponse.json(
          { ok: false, code: 'unavailable', message: translate(defaultLocale, 'errors.unavailable') },
          { status: 503, headers },
        ),
      );
    return finish(
      new NextResponse(unavailableHtml(), {
        status: 503,
        headers: { ...headers, 'content-type': 'text/html; charset=utf-8' },
      }),
    );
  }
  if (!tenant) return unknownHost();

  if (path === '/embed' && tenant.frameAncestors.length) frameAncestors = tenant.frameAncestors;
  // Document previews (PDF in an iframe of our own viewer page) may be framed by the same origin only.
  if (path.startsWith('/api/files/') || path.startsWith('/api/attachments/')) frameAncestors = ["'self'"];

  if (path.startsWith('/dev/mailbox')) {
    const access = await mailboxLogin(request.headers, e);
    if (access === 'login' || access === 'rate_limited') {
      const refusal = operatorRefusal(access === 'login' ? 'denied' : access, 'mailbox');
      return finish(new NextResponse(refusal.body, { status: refusal.status, headers: refusal.headers }));
    }
    if (access === 'off') {
      const url = request.nextUrl.clone();
      url.pathname = '/404';
      return finish(NextResponse.rewrite(url, { request: { headers: requestHeaders } }));
    }
  }

  if (path.startsWith('/platform')) {
    const url = request.nextUrl.clone();
    url.pathname = '/404';
    return finish(NextResponse.rewrite(url, { request: { headers: requestHeaders } }));
  }

  // The login page for visitors without a session: rendered once per tenant state, each response with its
  // own nonce (lib/http/login-cache.ts).
  // LOGIN_CACHE=false switches it off (every login page rendered afresh).
  const loginKey =
    process.env.LOGIN_CACHE === 'false' || isLoginRender(request.headers)
      ? null
      : loginCacheKey(
          { method: request.method, headers: request.headers, pathname: path, search: request.nextUrl.search },
          tenant,
          {
            hasSession: request.cookies.has(sessionCookieName()),
            locale: request.cookies.get('mappe.locale')?.value,
          },
        );
  if (loginKey) {
    const entry =
      cachedLogin(loginKey) ??
      (await fillLogin(loginKey, {
        port: e.PORT,
        host: host ?? '',
        search: request.nextUrl.search,
        locale: request.cookies.get('mappe.locale')?.value,
      }));
    if (entry) {
      const page = withNonce(entry, nonce);
      return finish(new NextResponse(page.body, { status: 200, headers: page.headers }));
    }
  }
  return finish(NextResponse.next({ request: { headers: requestHeaders } }));
}

/** Multipart bodies are parsed by Next itself; a text body must be a JSON array (React's reply encoding). */
async function wellFormedActionBody(request: NextRequest): Promise<boolean> {
  const type = request.headers.get('content-type') ?? '';
  if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) return true;
  try {
    return Array.isArray(JSON.parse(await request.clone().text()));
  } catch {
    return false;
  }
}

/**
 * CSP of a stored file: a download is sandboxed and never framed; an inline preview (PDF or image in our
 * own viewer page) may be framed by the same origin and keeps no sandbox, which the browser's PDF viewer
 * refuses to run in. Scripts are never allowed.
 */
function fileCsp(inline: boolean): string {
  return inline
    ? "default-src 'none'; img-src 'self' data: blob:; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'"
    : "default-src 'none'; sandbox; frame-ancestors 'none'";
}

/**
 * Everything but Next's assets and the static files of public/ (the default icons and logo, robots.txt):
 * those are the same on every host and secret on none, so they are served without a tenant lookup (they still
 * get next.config's nosniff and Referrer-Policy headers).
 */
export const config = {
  matcher: [
    '/((?!_next/static|_next/image|(?:favicon\\.ico|icon\\.png|apple-touch-icon\\.png|logo\\.png|robots\\.txt)$).*)',
  ],
};
