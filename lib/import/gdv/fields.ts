/**
 * Reading fields from one 256-character GDV record by their 1-based, inclusive positions (as the GDV
 * tables print them). Alphanumeric fields are trimmed; numeric fields are zero-filled with implied decimals,
 * blank = unknown; dates are TTMMJJJJ with 00 for an unknown day or month.
 */

/** A field that holds something impossible: the reader refuses the Datenpaket with this. */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    readonly value: string,
    readonly reason: 'number' | 'date' | 'code',
  ) {
    super(`${field}: ${reason} ${JSON.stringify(value)}`);
    this.name = 'FieldError';
  }
}

export function raw(text: string, from: number, to: number): string {
  return text.slice(from - 1, to).padEnd(to - from + 1, ' ');
}

/** Trimmed text; '' when blank. */
export function alpha(text: string, from: number, to: number): string {
  return raw(text, from, to).trim();
}

/** A zero-filled integer with `decimals` implied decimals, in minor units (e.g. cents); null when blank. */
export function num(text: string, from: number, to: number, field: string): number | null {
  const value = raw(text, from, to);
  const trimmed = value.trim();
  if (!trimmed) return null;
  // Some insurers pad numbers with blanks instead of zeros; digits only otherwise.
  const digits = value.replace(/ /g, '0');
  if (!/^\d+$/.test(digits)) throw new FieldError(field, value, 'number');
  return Number(digits);
}

/** A date in TTMMJJJJ: a full ISO date, a partial one ('YYYY' or 'YYYY-MM') or null when blank/zero. */
export type GdvDate = { date: string; partial: false } | { date: string; partial: true } | null;

export function gdvDate(text: string, from: number, field: string): GdvDate {
  const value = raw(text, from, from + 7);
  if (!value.trim() || value === '00000000') return null;
  if (!/^\d{8}$/.test(value)) throw new FieldError(field, value, 'date');
  const day = Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const year = Number(value.slice(4, 8));
  if (year < 1800 || year > 2200 || month > 12 || day > 31) throw new FieldError(field, value, 'date');
  const y = String(year).padStart(4, '0');
  if (month === 0) {
    if (day !== 0) throw new FieldError(field, value, 'date');
    return { date: y, partial: true };
  }
  const m = String(month).padStart(2, '0');
  if (day === 0) return { date: `${y}-${m}`, partial: true };
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) throw new FieldError(field, value, 'date');
  return { date: `${y}-${m}-${String(day).padStart(2, '0')}`, partial: false };
}

/** A one-character code out of a list; '' when blank. */
export function code(text: string, at: number, allowed: readonly string[], field: string): string {
  const value = raw(text, at, at);
  if (value === ' ') return '';
  if (!allowed.includes(value)) throw new FieldError(field, value, 'code');
  return value;
}
