import { describe, expect, it } from 'vitest';
import { cursorLimits, decodeCursor, encodeCursor, isTimestamp, isUuid } from '../../lib/db/cursor';

const shapes = { n: ['text', 'text', 'uuid'], c: ['timestamp', 'uuid'] } as const;
const id = '0b5e8c1e-3c2a-4f7e-9a55-2f1d4e6b7a80';
const raw = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('keyset cursors', () => {
  it('round-trip both shapes', () => {
    expect(decodeCursor(encodeCursor('n', ['müller', 'max', id]), shapes)).toEqual({
      tag: 'n',
      values: ['müller', 'max', id],
    });
    expect(decodeCursor(encodeCursor('c', ['2025-06-01T10:00:00.123456Z', id]), shapes)).toEqual({
      tag: 'c',
      values: ['2025-06-01T10:00:00.123456Z', id],
    });
  });

  it.each([
    ['nothing', undefined],
    ['empty', ''],
    ['not base64url', '%%%'],
    ['not JSON', Buffer.from('kaputt').toString('base64url')],
    ['JSON null', raw(null)],
    ['a number', raw(5)],
    ['an array', raw([['a', 'b', id]])],
    ['an unknown tag', raw({ x: ['a'] })],
    ['two tags', raw({ n: ['a', 'b', id], c: ['2025-06-01T10:00:00Z', id] })],
    ['a prototype key', Buffer.from('{"__proto__":["a","b","x"]}').toString('base64url')],
    ['too few values', raw({ c: ['2025-06-01T10:00:00Z'] })],
    ['a number value', raw({ n: [1, 'b', id] })],
    ['a bad uuid', raw({ n: ['a', 'b', 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz'] })],
    ['a NUL byte', raw({ n: ['a\u0000', 'b', id] })],
    ['a lone surrogate', raw({ n: ['\ud800', 'b', id] })],
    ['a huge text', raw({ n: ['x'.repeat(cursorLimits.textChars + 1), 'b', id] })],
    ['a huge cursor', 'A'.repeat(cursorLimits.encodedChars + 1)],
    ['an impossible date', raw({ c: ['2026-02-30T10:00:00Z', id] })],
  ])('reject %s', (_, cursor) => {
    expect(decodeCursor(cursor, shapes)).toBeNull();
  });

  it('accept timestamps PostgreSQL casts and nothing else', () => {
    for (const ok of [
      '2026-11-29 01:16:08.405123+00',
      '2026-11-29T01:16:08Z',
      '2024-02-29T00:00:00.1+01:00',
      '2026-01-01 23:59:59-0530',
    ])
      expect(isTimestamp(ok), ok).toBe(true);
    for (const bad of [
      '2025-02-29T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-00-10T00:00:00Z',
      '0000-01-01T00:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T10:60:00Z',
      '2026-01-01T10:00:60Z',
      '2026-01-01T10:00:00+99',
      '2026-01-01T10:00:00',
      '2026-01-01T10:00:00.1234567Z',
      'gestern',
    ]) {
      expect(isTimestamp(bad), bad).toBe(false);
    }
  });

  it('accept only canonical uuids', () => {
    expect(isUuid(id)).toBe(true);
    expect(isUuid(`${id}x`)).toBe(false);
    expect(isUuid('------------------------------------')).toBe(false);
  });
});
