import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EnvError, parseEnv, resetEnvCache } from '../../lib/env';
import { trustedHost } from '../../lib/tenant/forwarded';
import { requestHost } from '../../lib/tenant/request';
import { clientIp, normaliseForwardedFor, resolveClientIp } from '../../lib/tenant/request-ip';

const direct = { trustProxy: false, hops: 1 };
const oneProxy = { trustProxy: true, hops: 1 };
const twoProxies = { trustProxy: true, hops: 2 };

describe('the client address (what the server script writes into X-Forwarded-For)', () => {
  it('without TRUST_PROXY is the socket address, whatever the client sends', () => {
    expect(resolveClientIp('6.6.6.6', '203.0.113.9', direct)).toBe('203.0.113.9');
    expect(resolveClientIp('6.6.6.6, 7.7.7.7', '203.0.113.9', direct)).toBe('203.0.113.9');
    expect(resolveClientIp(['6.6.6.6', '7.7.7.7'], '203.0.113.9', direct)).toBe('203.0.113.9');
    expect(resolveClientIp(undefined, '203.0.113.9', direct)).toBe('203.0.113.9');
    expect(resolveClientIp(undefined, '::ffff:203.0.113.9', direct)).toBe('203.0.113.9');
    expect(resolveClientIp(undefined, '2001:DB8::1', direct)).toBe('2001:db8::1');
  });

  it('with TRUST_PROXY takes the entry TRUST_PROXY_HOPS from the right (appended by our proxies)', () => {
    expect(resolveClientIp('6.6.6.6, 198.51.100.7', '10.0.0.2', oneProxy)).toBe('198.51.100.7');
    expect(resolveClientIp('198.51.100.7', '10.0.0.2', oneProxy)).toBe('198.51.100.7');
    expect(resolveClientIp(['6.6.6.6', '198.51.100.7'], '10.0.0.2', oneProxy)).toBe('198.51.100.7');
    expect(resolveClientIp('6.6.6.6, 198.51.100.7, 10.0.0.1', '10.0.0.2', twoProxies)).toBe('198.51.100.7');
    expect(resolveClientIp('198.51.100.7:51234', '10.0.0.2', oneProxy)).toBe('198.51.100.7');
    expect(resolveClientIp('[2001:db8::7]:443', '10.0.0.2', oneProxy)).toBe('2001:db8::7');
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['only commas', ' , ,'],
    ['garbage', 'nicht-eine-adresse'],
    ['a host name', 'evil.example'],
    ['an empty trusted entry', '198.51.100.7, '],
    ['script', '<script>'],
  ])('with TRUST_PROXY falls back to the socket address when the trusted entry is %s', (_, header) => {
    expect(resolveClientIp(header, '10.0.0.2', oneProxy)).toBe('10.0.0.2');
  });

  it('with TRUST_PROXY falls back to the socket address when there are fewer entries than trusted hops', () => {
    expect(resolveClientIp('198.51.100.7', '10.0.0.2', twoProxies)).toBe('10.0.0.2');
  });

  it('says unknown when there is no socket address either', () => {
    expect(resolveClientIp('6.6.6.6', undefined, direct)).toBe('unknown');
  });

  it('clientIp reads the normalised header (one address) and never returns garbage', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '198.51.100.7' }))).toBe('198.51.100.7');
    expect(clientIp(new Headers({ 'x-forwarded-for': 'kaputt' }))).toBe('unknown');
    expect(clientIp(new Headers())).toBe('unknown');
  });

  it('is what a request handler behind the server sees: a spoofed header is replaced before Next gets the request', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const serve = (options: { trustProxy: boolean; hops: number }) =>
      createServer((req, res) => {
        normaliseForwardedFor(req, options);
        seen.push(req.headers);
        res.end('ok');
      });
    const send = (server: ReturnType<typeof serve>, headers: Record<string, string | string[]>) =>
      new Promise<void>((resolve, reject) => {
        server.listen(0, '127.0.0.1', () => {
          const { port } = server.address() as AddressInfo;
          const req = request({ host: '127.0.0.1', port, path: '/', headers }, (res) => {
            res.resume();
            res.on('end', () => server.close(() => resolve()));
          });
          req.on('error', reject);
          req.end();
        });
      });
    await send(serve(direct), { 'x-forwarded-for': '6.6.6.6' });
    await send(serve(direct), { 'x-forwarded-for': ['6.6.6.6', '7.7.7.7'] });
    await send(serve(oneProxy), { 'x-forwarded-for': '6.6.6.6, 198.51.100.7' });
    await send(serve(oneProxy), {});
    expect(seen.map((h) => h['x-forwarded-for'])).toEqual(['127.0.0.1', '127.0.0.1', '198.51.100.7', '127.0.0.1']);
    expect(clientIp(new Headers({ 'x-forwarded-for': String(seen[0]!['x-forwarded-for']) }))).toBe('127.0.0.1');
  });
});

describe('the tenant host', () => {
  const h = (headers: Record<string, string>) => new Headers(headers);

  it('without TRUST_PROXY is the Host header; X-Forwarded-Host is ignored', () => {
    expect(trustedHost(h({ host: 'demo.mappe.de', 'x-forwarded-host': 'nord.mappe.de' }), direct)).toBe(
      'demo.mappe.de',
    );
  });

  it('with TRUST_PROXY is the X-Forwarded-Host entry our proxy appended (hop-aware), not the left-most', () => {
    const spoofed = { host: 'app:3000', 'x-forwarded-host': 'nord.mappe.de, demo.mappe.de' };
    expect(trustedHost(h(spoofed), oneProxy)).toBe('demo.mappe.de');
    expect(
      trustedHost(h({ host: 'app:3000', 'x-forwarded-host': 'nord.mappe.de, demo.mappe.de, intern:8080' }), twoProxies),
    ).toBe('demo.mappe.de');
    expect(trustedHost(h({ host: 'app:3000', 'x-forwarded-host': 'demo.mappe.de' }), oneProxy)).toBe('demo.mappe.de');
  });

  it('with TRUST_PROXY falls back to Host when the header is missing, empty or shorter than the hops', () => {
    expect(trustedHost(h({ host: 'demo.mappe.de' }), oneProxy)).toBe('demo.mappe.de');
    expect(trustedHost(h({ host: 'demo.mappe.de', 'x-forwarded-host': 'nord.mappe.de, ' }), oneProxy)).toBe(
      'demo.mappe.de',
    );
    expect(trustedHost(h({ host: 'demo.mappe.de', 'x-forwarded-host': 'nord.mappe.de' }), twoProxies)).toBe(
      'demo.mappe.de',
    );
    expect(trustedHost(h({}), oneProxy)).toBeNull();
  });

  describe('requestHost (pages, actions, route handlers)', () => {
    afterEach(() => {
      delete process.env.TRUST_PROXY;
      delete process.env.TRUST_PROXY_HOPS;
      resetEnvCache();
    });

    it('uses the trusted hop of X-Forwarded-Host behind a proxy', () => {
      process.env.TRUST_PROXY = 'true';
      resetEnvCache();
      expect(requestHost(h({ host: 'app:3000', 'x-forwarded-host': 'nord.mappe.de, demo.mappe.de' }))).toBe(
        'demo.mappe.de',
      );
      process.env.TRUST_PROXY_HOPS = '2';
      resetEnvCache();
      expect(
        requestHost(h({ host: 'app:3000', 'x-forwarded-host': 'nord.mappe.de, demo.mappe.de, intern:8080' })),
      ).toBe('demo.mappe.de');
    });

    it('ignores X-Forwarded-Host without a proxy', () => {
      expect(requestHost(h({ host: 'demo.mappe.de', 'x-forwarded-host': 'nord.mappe.de' }))).toBe('demo.mappe.de');
    });
  });
});

describe('TRUST_PROXY_HOPS', () => {
  it('defaults to 1 and takes a small whole number', () => {
    expect(parseEnv({}).TRUST_PROXY_HOPS).toBe(1);
    expect(parseEnv({ TRUST_PROXY_HOPS: '' }).TRUST_PROXY_HOPS).toBe(1);
    expect(parseEnv({ TRUST_PROXY: 'true', TRUST_PROXY_HOPS: '3' }).TRUST_PROXY_HOPS).toBe(3);
  });

  it.each(['0', '-1', '1.5', 'zwei', '11'])('refuses %s with a clear message', (value) => {
    expect(() => parseEnv({ TRUST_PROXY_HOPS: value })).toThrow(EnvError);
    try {
      parseEnv({ TRUST_PROXY_HOPS: value });
    } catch (e) {
      expect((e as EnvError).problems.join()).toMatch(/^TRUST_PROXY_HOPS: /);
    }
  });
});
