/**
 * Keyset cursors of list pages: opaque base64url JSON `{ "<tag>": [value, …] }`. A cursor comes back
 * from the URL, so decoding checks every value against the kind the query casts it to: a forged cursor
 * (impossible date, bad uuid, NUL byte, wrong shape, huge) is treated as absent – the list starts at the
 * first page – instead of reaching PostgreSQL as a cast that fails with a 500.
 */
export type CursorField = 'timestamp' | 'uuid' | 'text';

export const cursorLimits = {
  /** Longest encoded cursor we decode at all. */
  encodedChars: 8192,
  /** Longest text value (sort keys are names: 80 characters, a little longer once lower-cased). */
  textChars: 1000,
} as const;

export function encodeCursor(tag: string, values: readonly string[]): string {
  return Buffer.from(JSON.stringify({ [tag]: values })).toString('base64url');
}

type Decoded<S extends Record<string, readonly CursorField[]>> = {
  [K in keyof S & string]: { tag: K; values: string[] };
}[keyof S & string];

/** The cursor's tag and values when it has exactly one of the given shapes and every value is valid; else null. */
export function decodeCursor<S extends Record<string, readonly CursorField[]>>(
  raw: string | undefined | null,
  shapes: S,
): Decoded<S> | null {
  if (
    typeof raw !== 'string' ||
    raw.length === 0 ||
    raw.length > cursorLimits.encodedChars ||
    !/^[A-Za-z0-9_-]+$/.test(raw)
  )
    return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const keys = Object.keys(parsed);
  if (keys.length !== 1) return null;
  const tag = keys[0]!;
  if (!Object.prototype.hasOwnProperty.call(shapes, tag)) return null;
  const shape = shapes[tag]!;
  const values = (parsed as Record<string, unknown>)[tag];
  if (!Array.isArray(values) || values.length !== shape.length) return null;
  if (!values.every((v, i) => isCursorValue(v, shape[i]!))) return null;
  return { tag, values: values as string[] } as Decoded<S>;
}

function isCursorValue(v: unknown, kind: CursorField): v is string {
  if (typeof v !== 'string') return false;
  if (kind === 'uuid') return isUuid(v);
  if (kind === 'timestamp') return isTimestamp(v);
  return v.length <= cursorLimits.textChars && !v.includes('\u0000') && v.isWellFormed();
}

export function isUuid(v: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
}

/**
 * A timestamp PostgreSQL casts to timestamptz without an error: PostgreSQL's own text form
 * ("2026-11-29 01:16:08.405123+00") or ISO 8601 ("2026-11-29T01:16:08.405123Z"), with a real calendar date.
 */
export function isTimestamp(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-](\d{2})(:?(\d{2}))?)$/.exec(v);
  if (!m) return false;
  const [y, mo, d, h, mi, se] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59) return false;
  if (m[9] !== undefined && (Number(m[9]) > 15 || Number(m[11] ?? 0) > 59)) return false;
  const date = new Date(Date.UTC(2000, mo - 1, d));
  date.setUTCFullYear(y);
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
