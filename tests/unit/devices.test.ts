import { describe, expect, it } from 'vitest';
import { coarseIp, deviceKey, deviceOf } from '../../lib/auth/device';
import { csvCell } from '../../lib/protocol/csv';
import { kindLabel } from '../../lib/protocol/kinds';

describe('user-agent labels', () => {
  it('names browser and OS family without versions, and the kind of device', () => {
    expect(
      deviceOf(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
      ),
    ).toEqual({ browser: 'Chrome', os: 'Windows', type: 'desktop' });
    expect(
      deviceOf(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
      ),
    ).toEqual({ browser: 'Safari', os: 'iOS', type: 'mobile' });
    expect(
      deviceOf(
        'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
      ),
    ).toMatchObject({ browser: 'Chrome', os: 'Android', type: 'tablet' });
    expect(deviceOf('Mozilla/5.0 (Macintosh; Intel Mac OS X 14.0; rv:121.0) Gecko/20100101 Firefox/121.0')).toEqual({
      browser: 'Firefox',
      os: 'Mac OS',
      type: 'desktop',
    });
  });

  it('keys the new-device check on the families only; an empty or unknown agent has no key', () => {
    const a =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
    expect(deviceKey(a)).toBe('Chrome · Windows');
    expect(deviceKey(a.replace('120.0.0.0', '131.0.0.0'))).toBe(deviceKey(a));
    expect(deviceKey(null)).toBeNull();
    expect(deviceKey('')).toBeNull();
    expect(deviceKey('curl-ish')).toBeNull();
    expect(deviceOf(null)).toEqual({ browser: null, os: null, type: 'desktop' });
  });
});

describe('IP coarsening', () => {
  it('keeps three octets of IPv4 (also IPv4-mapped IPv6)', () => {
    expect(coarseIp('203.0.113.77')).toBe('203.0.113.x');
    expect(coarseIp('::ffff:10.1.2.3')).toBe('10.1.2.x');
    expect(coarseIp('256.1.1.1')).toBeNull();
  });
  it('keeps the /48 of IPv6', () => {
    expect(coarseIp('2001:db8:abcd:12::1')).toBe('2001:db8:abcd::/48');
    expect(coarseIp('2001:0db8:0000:0012:0000:0000:0000:0001')).toBe('2001:db8::/48');
    expect(coarseIp('2001:db8:0:1::5')).toBe('2001:db8::/48');
    expect(coarseIp('2001:0:5::1')).toBe('2001:0:5::/48');
    expect(coarseIp('::1')).toBe('::/48');
    expect(coarseIp('fe80::1::2')).toBeNull();
  });
  it('gives null for anything else', () => {
    for (const v of [null, undefined, '', 'unknown', 'abc', '1.2.3', '1:2:3:4:5:6:7:8:9'])
      expect(coarseIp(v as string)).toBeNull();
  });
});

describe('PROTOKOLL words', () => {
  it('labels known kinds from the catalog and unknown ones generically, in both languages', () => {
    expect(kindLabel('de', 'document.viewed')).toBe('Dokument angesehen');
    expect(kindLabel('en', 'document.viewed')).toBe('Document viewed');
    expect(kindLabel('de', 'auth.passkey_added')).toBe('Passkey hinzugefügt');
    expect(kindLabel('de', 'auth.brand_new')).toBe('Ereignis „auth.brand_new“');
    expect(kindLabel('en', 'auth.brand_new')).toBe('Event “auth.brand_new”');
  });
  it('quotes CSV cells and defuses spreadsheet formulas', () => {
    expect(csvCell('a "b" c')).toBe('"a ""b"" c"');
    expect(csvCell('=1+1')).toBe(`"'=1+1"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell(null)).toBe('""');
    expect(csvCell(42)).toBe('"42"');
  });
});
