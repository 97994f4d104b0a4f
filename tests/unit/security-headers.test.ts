import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { buildCsp, isSameOriginWrite, securityHeaders } from '../../lib/http/security-headers';
import { checkPlatformAuth, mailboxAccess } from '../../lib/platform/auth';
import { configuredSender } from '../../lib/mail/sender';
import { resetEnvCache } from '../../lib/env';

describe('security headers', () => {
  it('builds a strict nonce CSP without inline scripts or framing', () => {
    const csp = buildCsp({ nonce: 'abc', dev: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
  });

  it('adds HSTS only for https and no-referrer on token pages', () => {
    expect(securityHeaders({ nonce: 'n', dev: false, https: false })['Strict-Transport-Security']).toBeUndefined();
    const h = securityHeaders({ nonce: 'n', dev: false, https: true, noReferrer: true });
    expect(h['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains');
    expect(h['Referrer-Policy']).toBe('no-referrer');
    expect(h['X-Content-Type-Options']).toBe('nosniff');
  });

  it('accepts only same-origin writes', () => {
    const h = (init: Record<string, string>) => new Headers(init);
    expect(isSameOriginWrite(h({ origin: 'http://demo.localhost:3000' }), 'demo.localhost:3000')).toBe(true);
    expect(isSameOriginWrite(h({ origin: 'http://nord.localhost:3000' }), 'demo.localhost:3000')).toBe(false);
    expect(isSameOriginWrite(h({ origin: 'null' }), 'demo.localhost:3000')).toBe(false);
    expect(isSameOriginWrite(h({}), 'demo.localhost:3000')).toBe(false);
    expect(isSameOriginWrite(h({ 'sec-fetch-site': 'same-origin' }), 'demo.localhost:3000')).toBe(true);
    expect(isSameOriginWrite(h({ 'sec-fetch-site': 'cross-site' }), 'demo.localhost:3000')).toBe(false);
  });

  it('checks the operator password in constant time', () => {
    const basic = (s: string) => `Basic ${Buffer.from(s).toString('base64')}`;
    expect(checkPlatformAuth(basic('betreiber:richtig-langes-pw'), 'richtig-langes-pw')).toBe(true);
    expect(checkPlatformAuth(basic('betreiber:falsch'), 'richtig-langes-pw')).toBe(false);
    expect(checkPlatformAuth(basic('admin:richtig-langes-pw'), 'richtig-langes-pw')).toBe(false);
    expect(checkPlatformAuth(basic('betreiber:'), undefined)).toBe(false);
    expect(checkPlatformAuth(null, 'richtig-langes-pw')).toBe(false);
  });

  it('opens the local mailbox only where it is on and only with the operator login', () => {
    const basic = (s: string) => `Basic ${Buffer.from(s).toString('base64')}`;
    const on = { DEV_MAILBOX: true, PLATFORM_ADMIN_PASSWORD: 'richtig-langes-pw' };
    expect(mailboxAccess(null, on)).toBe('login');
    expect(mailboxAccess(basic('betreiber:falsch'), on)).toBe('login');
    expect(mailboxAccess(basic('betreiber:richtig-langes-pw'), on)).toBe('ok');
    expect(mailboxAccess(basic('betreiber:richtig-langes-pw'), { ...on, DEV_MAILBOX: false })).toBe('off');
    // Without an operator password nobody gets in, even with the mailbox on.
    expect(mailboxAccess(basic('betreiber:'), { DEV_MAILBOX: true })).toBe('login');
  });

  it('keeps mails in the outbox when production has no mail provider', () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, { NODE_ENV: 'production', RESEND_API_KEY: '', DEV_MAILBOX: '' });
      resetEnvCache();
      expect(configuredSender()).toBeNull();
      process.env.DEV_MAILBOX = 'true';
      resetEnvCache();
      expect(configuredSender()).not.toBeNull();
      process.env.RESEND_API_KEY = 're_test';
      process.env.DEV_MAILBOX = '';
      resetEnvCache();
      expect(configuredSender()).not.toBeNull();
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
      resetEnvCache();
    }
  });
});

describe('the static files of public/', () => {
  const root = path.resolve(__dirname, '../..');
  const staticFiles = ['favicon.ico', 'icon.png', 'apple-touch-icon.png', 'logo.png', 'robots.txt'];
  // The matcher as Next compiles it (read from proxy.ts as text: importing the proxy would start its imports).
  const source = /matcher:\s*\[\s*'([^']*)'/
    .exec(readFileSync(path.join(root, 'proxy.ts'), 'utf8'))![1]!
    .replace(/\\\\/g, '\\');
  // Next's own compilation of the matcher (internal, untyped; the version is pinned), not a copy of it.
  const { getMiddlewareMatchers } = createRequire(import.meta.url)('next/dist/build/analysis/get-page-static-info') as {
    getMiddlewareMatchers: (matchers: string[], config: object) => { regexp: string }[];
  };
  const [matcher] = getMiddlewareMatchers([source], {});
  const proxied = (p: string) => new RegExp(matcher!.regexp).test(p);

  it('exist: the default favicon, icon, home-screen icon and logo, and robots.txt', () => {
    for (const file of staticFiles) expect(existsSync(path.join(root, 'public', file)), file).toBe(true);
  });

  it('keep client portals out of search engines', () => {
    const rules = readFileSync(path.join(root, 'public', 'robots.txt'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    expect(rules).toEqual(['User-agent: *', 'Disallow: /']);
  });

  it('are served without the proxy (no tenant lookup); every other path still passes it', () => {
    for (const file of staticFiles) expect(proxied(`/${file}`), file).toBe(false);
    for (const p of [
      '/',
      '/login',
      '/platform',
      '/api/tenant/icon',
      '/api/tenant/logo',
      '/robots.txt/x',
      '/icon.png.html',
      '/favicon.icox',
      '/dev/mailbox',
      '/logo.png/../platform',
    ]) {
      expect(proxied(p), p).toBe(true);
    }
  });

  it('are the sizes the browsers ask for', async () => {
    const size = async (file: string) => {
      const { width, height } = await sharp(path.join(root, 'public', file)).metadata();
      return [width, height];
    };
    expect(await size('apple-touch-icon.png')).toEqual([180, 180]);
    expect(await size('icon.png')).toEqual([512, 512]);
    expect((await sharp(path.join(root, 'public', 'apple-touch-icon.png')).metadata()).hasAlpha).toBe(false);
    const ico = readFileSync(path.join(root, 'public', 'favicon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]); // an icon resource
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(2); // several sizes (16, 32, 48)
  });
});
