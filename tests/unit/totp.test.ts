import { describe, expect, it } from 'vitest';
import {
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  normalizeRecoveryCode,
} from '../../lib/auth/factors/recovery';
import { open, pepperedHash, seal } from '../../lib/auth/factors/secret-box';
import { checkTotp, newTotpSecret, totpCode, totpUri } from '../../lib/auth/factors/totp';
import { resetEnvCache } from '../../lib/env';

process.env.MAPPE_SECRET_KEY = 'unit-test-key-unit-test-key-unit-test-key';
resetEnvCache();

// 2026-12-01T12:00:00Z, the start of a 30-second step.
const T = 1_796_126_400;

describe('TOTP window', () => {
  const secret = newTotpSecret();

  it('makes a 32-character base32 secret (160 bits) and an otpauth URI with issuer and label', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = totpUri({ secret, issuer: 'Makler Müller', label: 'anna.schmidt' });
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain('issuer=Makler%20M%C3%BCller');
  });

  it('accepts the current code and one step of drift either way, nothing further', () => {
    const code = totpCode(secret, T);
    expect(checkTotp({ secret, code, epochSeconds: T })).toBe(T / 30);
    expect(checkTotp({ secret, code, epochSeconds: T + 29 })).toBe(T / 30);
    expect(checkTotp({ secret, code, epochSeconds: T + 30 + 15 })).toBe(T / 30); // one step late
    expect(checkTotp({ secret, code, epochSeconds: T - 15 })).toBe(T / 30); // one step early
    expect(checkTotp({ secret, code, epochSeconds: T + 90 })).toBeNull();
    expect(checkTotp({ secret, code, epochSeconds: T - 61 })).toBeNull();
  });

  it('refuses a replay: nothing at or before the last accepted step', () => {
    const code = totpCode(secret, T);
    const step = checkTotp({ secret, code, epochSeconds: T })!;
    expect(checkTotp({ secret, code, epochSeconds: T + 5, afterTimeStep: step })).toBeNull();
    // An older code within the window does not count either once a newer one was used.
    const next = totpCode(secret, T + 30);
    expect(checkTotp({ secret, code: next, epochSeconds: T + 30, afterTimeStep: step })).toBe(step + 1);
    expect(checkTotp({ secret, code, epochSeconds: T + 30, afterTimeStep: step + 1 })).toBeNull();
  });

  it('refuses malformed codes and the code of another secret', () => {
    expect(checkTotp({ secret, code: '12345', epochSeconds: T })).toBeNull();
    expect(checkTotp({ secret, code: 'abcdef', epochSeconds: T })).toBeNull();
    expect(checkTotp({ secret, code: totpCode(newTotpSecret(), T), epochSeconds: T })).toBeNull();
    const spaced = totpCode(secret, T).replace(/^(\d{3})/, '$1 ');
    expect(checkTotp({ secret, code: spaced, epochSeconds: T })).toBe(T / 30);
  });
});

describe('recovery codes', () => {
  it('makes 10 distinct codes of two groups of 5 from an unambiguous alphabet', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) {
      expect(c).toMatch(/^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/);
      expect(looksLikeRecoveryCode(c)).toBe(true);
    }
    expect(newRecoveryCodes()).not.toEqual(codes);
  });

  it('hashes the normalized code with the pepper: case, spaces and dashes do not matter', () => {
    expect(normalizeRecoveryCode(' k7pqm 3xw9a ')).toBe('K7PQM3XW9A');
    expect(hashRecoveryCode('k7pqm-3xw9a')).toBe(hashRecoveryCode('K7PQM3XW9A'));
    expect(hashRecoveryCode('K7PQM-3XW9A')).not.toBe(hashRecoveryCode('K7PQM-3XW9B'));
    expect(hashRecoveryCode('K7PQM-3XW9A')).toMatch(/^[0-9a-f]{64}$/);
    // Keyed: a plain SHA-256 of the code is not what is stored.
    expect(hashRecoveryCode('K7PQM-3XW9A')).not.toBe(pepperedHash('K7PQM3XW9A'));
  });
});

describe('secrets at rest', () => {
  it('seals with AES-GCM: a fresh IV each time, opens only for its owner, refuses tampering', () => {
    const a = seal('JBSWY3DPEHPK3PXP', 'totp:t:u');
    const b = seal('JBSWY3DPEHPK3PXP', 'totp:t:u');
    expect(a).not.toBe(b);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(open(a, 'totp:t:u')).toBe('JBSWY3DPEHPK3PXP');
    expect(() => open(a, 'totp:t:other')).toThrow();
    const parts = a.split('.');
    parts[3] = Buffer.from('XXXXXXXXXXXXXXXX').toString('base64url');
    expect(() => open(parts.join('.'), 'totp:t:u')).toThrow();
  });

  it('depends on the key', () => {
    const sealed = seal('secret', 'o');
    process.env.MAPPE_SECRET_KEY = 'another-key-another-key-another-key-12';
    resetEnvCache();
    try {
      expect(() => open(sealed, 'o')).toThrow();
    } finally {
      process.env.MAPPE_SECRET_KEY = 'unit-test-key-unit-test-key-unit-test-key';
      resetEnvCache();
    }
  });
});
