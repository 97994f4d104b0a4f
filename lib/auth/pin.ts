import { timingSafeEqual } from 'node:crypto';

/** The PIN is the birth date as TTMMJJJJ; "TT.MM.JJJJ" (and spaces) are accepted too. Returns 8 digits or null. */
export function parsePin(input: string): string | null {
  const compact = input.trim().replace(/\s+/g, '');
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(compact);
  if (dotted) return `${dotted[1]!.padStart(2, '0')}${dotted[2]!.padStart(2, '0')}${dotted[3]}`;
  return /^\d{8}$/.test(compact) ? compact : null;
}

/** ISO date (YYYY-MM-DD) → TTMMJJJJ. */
export function pinOf(birthDate: string): string {
  const [y, m, d] = birthDate.split('-');
  return `${d}${m}${y}`;
}

/** Constant-time comparison of an entered PIN with the stored birth date. */
export function pinMatches(input: string, birthDate: string | null): boolean {
  const pin = parsePin(input);
  const expected = birthDate ? pinOf(birthDate) : '00000000';
  const ok = timingSafeEqual(Buffer.from((pin ?? 'xxxxxxxx').padEnd(8).slice(0, 8)), Buffer.from(expected));
  return ok && pin !== null && birthDate !== null;
}
