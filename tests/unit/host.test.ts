import { describe, expect, it } from 'vitest';
import { isValidSlug, matchHost, normalizeHost } from '../../lib/tenant/host';

describe('host → tenant resolution', () => {
  const root = 'mappe.de';
  it.each([
    ['demo.mappe.de', { kind: 'slug', slug: 'demo', host: 'demo.mappe.de' }],
    ['DEMO.Mappe.DE', { kind: 'slug', slug: 'demo', host: 'demo.mappe.de' }],
    ['demo.mappe.de.', { kind: 'slug', slug: 'demo', host: 'demo.mappe.de' }],
    ['demo.mappe.de:443', { kind: 'slug', slug: 'demo', host: 'demo.mappe.de' }],
    ['demo.localhost:3000', { kind: 'slug', slug: 'demo', host: 'demo.localhost' }],
    ['Nord.LOCALHOST:3100', { kind: 'slug', slug: 'nord', host: 'nord.localhost' }],
    ['portal.makler-mueller.de', { kind: 'custom', host: 'portal.makler-mueller.de' }],
    ['Portal.Makler-Mueller.de.', { kind: 'custom', host: 'portal.makler-mueller.de' }],
    ['mappe.de', { kind: 'platform', host: 'mappe.de' }],
    ['www.mappe.de', { kind: 'platform', host: 'www.mappe.de' }],
    ['localhost:3000', { kind: 'platform', host: 'localhost' }],
  ])('%s', (host, expected) => {
    expect(matchHost(host, root)).toEqual(expected);
  });

  it.each([
    ['a.b.mappe.de', 'nested sub-domain'],
    ['api.mappe.de', 'reserved name'],
    ['-demo.mappe.de', 'leading hyphen'],
    ['demo_x.mappe.de', 'underscore'],
    ['127.0.0.1:3000', 'bare IPv4'],
    ['[::1]:3000', 'IPv6 literal'],
    ['demo.mappe.de:abc', 'non-numeric port'],
    ['', 'empty'],
    ['demo..mappe.de', 'empty label'],
    ['demo.mappe.de/evil', 'path characters'],
  ])('refuses %s (%s)', (host) => {
    expect(matchHost(host, root)).toEqual({ kind: 'invalid' });
  });

  it('treats a missing Host header as invalid', () => {
    expect(matchHost(null, root)).toEqual({ kind: 'invalid' });
    expect(matchHost(undefined, root)).toEqual({ kind: 'invalid' });
  });

  it('serves the platform on localhost as root domain', () => {
    expect(matchHost('localhost', 'localhost')).toEqual({ kind: 'platform', host: 'localhost' });
    expect(matchHost('demo.localhost', 'localhost')).toEqual({ kind: 'slug', slug: 'demo', host: 'demo.localhost' });
  });

  it('normalises hosts', () => {
    expect(normalizeHost(' Demo.Localhost:3000 ')).toBe('demo.localhost');
    expect(normalizeHost('x'.repeat(64) + '.de')).toBeNull();
  });

  it('validates slugs', () => {
    expect(isValidSlug('demo')).toBe(true);
    expect(isValidSlug('makler-mueller')).toBe(true);
    expect(isValidSlug('www')).toBe(false);
    expect(isValidSlug('Demo')).toBe(false);
    expect(isValidSlug('a'.repeat(41))).toBe(false);
  });
});
