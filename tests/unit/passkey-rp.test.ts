import { describe, expect, it } from 'vitest';
import { passkeyName, relyingParty } from '../../lib/auth/passkeys/rp';

describe('relyingParty', () => {
  it('is the host without port; the origin keeps a non-default port', () => {
    expect(relyingParty('demo.localhost:3310', 'http', 'Demo')).toEqual({
      rpId: 'demo.localhost',
      origin: 'http://demo.localhost:3310',
      rpName: 'Demo',
    });
    expect(relyingParty('Portal.Makler-Mueller.DE', 'https', 'M')).toMatchObject({
      rpId: 'portal.makler-mueller.de',
      origin: 'https://portal.makler-mueller.de',
    });
    expect(relyingParty('demo.mappe.de:443', 'https', 'D')?.origin).toBe('https://demo.mappe.de');
    expect(relyingParty('demo.mappe.de:80', 'http', 'D')?.origin).toBe('http://demo.mappe.de');
  });

  it('is null for anything that is no plain host name', () => {
    for (const bad of [null, undefined, '', '[::1]:3000', 'a b.de', 'demo.localhost:port', 'evil.de/x']) {
      expect(relyingParty(bad, 'https', 'X')).toBeNull();
    }
  });
});

describe('passkeyName', () => {
  it('trims, folds white space, cuts at 60 and falls back', () => {
    expect(passkeyName('  Mein \n Telefon ', 'Passkey')).toBe('Mein Telefon');
    expect(passkeyName('   ', 'Passkey')).toBe('Passkey');
    expect(passkeyName(undefined, 'Passkey')).toBe('Passkey');
    expect(passkeyName('x'.repeat(80), 'P')).toHaveLength(60);
  });
});
