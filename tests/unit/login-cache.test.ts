import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Tenant } from '@/lib/db/schema';
import {
  cachedLogin,
  fillLogin,
  forgetLoginCache,
  isLoginRender,
  loginCacheKey,
  loginRenderHeader,
  withNonce,
} from '@/lib/http/login-cache';

const tenant = {
  id: 't1',
  slug: 'demo',
  name: 'Demo',
  primaryColor: '#1d4ed8',
  brandingVersion: 3,
  locale: 'de',
} as unknown as Tenant;

const get = (headers: Record<string, string> = {}) => ({
  method: 'GET',
  pathname: '/login',
  search: '',
  headers: new Headers(headers),
});
const visitor = { hasSession: false, locale: undefined };

describe('login page cache key', () => {
  it('caches a plain document GET of /login (also ?abgemeldet=1) for visitors without a session', () => {
    expect(loginCacheKey(get(), tenant, visitor)).toBeTypeOf('string');
    expect(loginCacheKey({ ...get(), search: '?abgemeldet=1' }, tenant, visitor)).not.toBe(
      loginCacheKey(get(), tenant, visitor),
    );
  });

  it('renders anything else: other paths, queries, methods, RSC navigations, a session cookie', () => {
    expect(loginCacheKey({ ...get(), pathname: '/reset' }, tenant, visitor)).toBeNull();
    expect(loginCacheKey({ ...get(), search: '?next=/x' }, tenant, visitor)).toBeNull();
    expect(loginCacheKey({ ...get(), method: 'POST' }, tenant, visitor)).toBeNull();
    expect(loginCacheKey(get({ rsc: '1' }), tenant, visitor)).toBeNull();
    expect(loginCacheKey(get({ 'next-action': 'abc' }), tenant, visitor)).toBeNull();
    expect(loginCacheKey(get(), tenant, { hasSession: true, locale: undefined })).toBeNull();
  });

  it('changes with the tenant row (branding version, colour, name) and with the chosen language', () => {
    const key = loginCacheKey(get(), tenant, visitor);
    expect(loginCacheKey(get(), { ...tenant, brandingVersion: 4 }, visitor)).not.toBe(key);
    expect(loginCacheKey(get(), { ...tenant, primaryColor: '#7a1fa2' }, visitor)).not.toBe(key);
    expect(loginCacheKey(get(), { ...tenant, name: 'Neu' }, visitor)).not.toBe(key);
    expect(loginCacheKey(get(), tenant, { hasSession: false, locale: 'en' })).not.toBe(key);
    // An unknown cookie value is the same as none.
    expect(loginCacheKey(get(), tenant, { hasSession: false, locale: 'xx' })).toBe(key);
  });
});

describe('login page render and nonce', () => {
  let server: Server;
  let port = 0;
  let renders = 0;
  let setCookie = false;
  let secretSeen: string | undefined;

  beforeAll(async () => {
    server = createServer((req, res) => {
      renders++;
      secretSeen = req.headers[loginRenderHeader] as string | undefined;
      const nonce = `n0nce${renders}AAAAAAAAAAAAAAAAAAAA==`;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('content-security-policy', `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
      res.setHeader('x-request-id', 'inner');
      res.setHeader('link', `</f.woff2>; rel=preload; nonce="${nonce}"`);
      if (setCookie) res.setHeader('set-cookie', 'a=b');
      res.end(`<html><script nonce="${nonce}">self.__next_f.push([1,"${req.headers.host}"])</script></html>`);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => {
    forgetLoginCache();
    renders = 0;
    setCookie = false;
  });

  it('renders once for concurrent misses, then serves each response with its own nonce', async () => {
    const o = { port, host: 'demo.localhost:3000', search: '', locale: undefined };
    const [a, b] = await Promise.all([fillLogin('k', o), fillLogin('k', o)]);
    expect(renders).toBe(1);
    expect(a).toBe(b);
    expect(cachedLogin('k')).toBe(a);
    // The render request carries this process's secret: the proxy lets exactly it through uncached.
    expect(isLoginRender(new Headers({ [loginRenderHeader]: secretSeen! }))).toBe(true);
    expect(isLoginRender(new Headers({ [loginRenderHeader]: 'guess' }))).toBe(false);
    const first = withNonce(a!, 'FRESH1').body;
    const second = withNonce(a!, 'FRESH2').body;
    expect(withNonce(a!, 'FRESH3').headers).toContainEqual(['link', '</f.woff2>; rel=preload; nonce="FRESH3"']);
    expect(first).toContain('<script nonce="FRESH1">');
    expect(second).toContain('<script nonce="FRESH2">');
    expect(first).not.toContain('n0nce1');
    expect(first).toContain('demo.localhost:3000');
    // The security headers and the request id are the visitor's response's own, never the render's.
    const names = a!.headers.map(([k]) => k);
    expect(names).toContain('content-type');
    expect(names).not.toContain('content-security-policy');
    expect(names).not.toContain('x-request-id');
  });

  it('keeps nothing that sets a cookie', async () => {
    setCookie = true;
    expect(await fillLogin('k2', { port, host: 'demo.localhost:3000', search: '', locale: undefined })).toBeNull();
    expect(cachedLogin('k2')).toBeUndefined();
  });
});
