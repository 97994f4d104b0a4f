import { describe, expect, it } from 'vitest';
import { buildCsp, securityHeaders } from '../../lib/http/security-headers';
import { parseFrameOrigin } from '../../lib/settings/embed';

describe('websites that may frame the login card', () => {
  it.each([
    ['https://www.makler-mueller.de', 'https://www.makler-mueller.de'],
    ['https://www.makler-mueller.de/', 'https://www.makler-mueller.de'],
    ['  https://Makler-Mueller.de  ', 'https://makler-mueller.de'],
    ['https://shop.example.com:8443', 'https://shop.example.com:8443'],
    ['http://localhost:4100', 'http://localhost:4100'],
  ])('%j → %s', (input, origin) => {
    expect(parseFrameOrigin(input)).toBe(origin);
  });

  it.each([
    'http://www.makler.de',
    'www.makler.de',
    'https://www.makler.de/seite',
    'https://www.makler.de/?x=1',
    'https://user:pw@makler.de',
    'https://localhost',
    'http://127.0.0.1:4100',
    'https://a.de; script-src *',
    'javascript:alert(1)',
    '*',
    "'self'",
    '',
  ])('refuses %j', (input) => {
    expect(parseFrameOrigin(input)).toBeNull();
  });

  it('puts them into frame-ancestors and drops X-Frame-Options only then', () => {
    expect(buildCsp({ nonce: 'n', dev: false, frameAncestors: ['https://www.makler.de'] })).toContain(
      'frame-ancestors https://www.makler.de',
    );
    expect(
      securityHeaders({ nonce: 'n', dev: false, https: true, frameAncestors: ['https://www.makler.de'] })[
        'X-Frame-Options'
      ],
    ).toBeUndefined();
    expect(securityHeaders({ nonce: 'n', dev: false, https: true })['X-Frame-Options']).toBe('DENY');
  });
});
