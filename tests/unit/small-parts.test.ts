import { describe, expect, it } from 'vitest';
import { de, en } from '../../messages';
import { nextFreeUsername, usernameBase } from '../../lib/users/username';
import { keyBelongsTo, objectKey } from '../../lib/storage/keys';
import { contentDisposition } from '../../lib/storage/files';
import { backoffSeconds, deliveryPolicy } from '../../lib/jobs/outbox';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('message catalogs', () => {
  it('have the same keys in German and English', () => {
    expect(keys(en).sort()).toEqual(keys(de).sort());
  });
});

describe('usernames', () => {
  it('builds an ASCII username from the name', () => {
    expect(usernameBase('Jürgen', 'Groß-Öztürk')).toBe('juergen.gross-oeztuerk');
    expect(usernameBase('', '')).toBe('benutzer');
  });
  it('takes the first free number', () => {
    expect(nextFreeUsername('max.mueller', new Set())).toBe('max.mueller');
    expect(nextFreeUsername('max.mueller', new Set(['max.mueller', 'max.mueller2']))).toBe('max.mueller3');
  });
});

describe('storage keys', () => {
  const tenant = '3f0c2f5e-1d2b-4c3a-9e8f-0a1b2c3d4e5f';
  it('are built on the server under the tenant prefix', () => {
    const key = objectKey(tenant, 'documents');
    expect(key).toMatch(new RegExp(`^tenants/${tenant}/documents/[0-9a-f-]{36}$`));
    expect(keyBelongsTo(key, tenant)).toBe(true);
    expect(keyBelongsTo(key, '00000000-0000-4000-8000-000000000000')).toBe(false);
  });
  it('refuse anything but uuids and plain area names', () => {
    expect(() => objectKey('../x', 'documents')).toThrow();
    expect(() => objectKey(tenant, '../logos')).toThrow();
    expect(() => objectKey(tenant, 'documents', 'my file.pdf')).toThrow();
    expect(keyBelongsTo(`tenants/${tenant}/../other`, tenant)).toBe(false);
  });
  it('writes download names that cannot inject headers', () => {
    const header = contentDisposition('Police "2026"\r\nSet-Cookie: x.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toContain("filename*=UTF-8''");
    expect(contentDisposition('Übersicht.pdf')).toContain('filename="_bersicht.pdf"');
  });
});

describe('mail retry backoff', () => {
  it('grows exponentially from 30 s and caps at an hour (±25 % jitter)', () => {
    const mid = () => 0.5;
    expect(backoffSeconds(1, mid)).toBe(30);
    expect(backoffSeconds(2, mid)).toBe(60);
    expect(backoffSeconds(5, mid)).toBe(480);
    expect(backoffSeconds(20, mid)).toBe(deliveryPolicy.maxSeconds);
    expect(backoffSeconds(1, () => 0)).toBe(23);
    expect(backoffSeconds(1, () => 1)).toBe(38);
  });
});
