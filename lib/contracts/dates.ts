/**
 * Contract dates as typed and shown: a full day (TT.MM.JJJJ or ISO), or – for Beginn, Ablauf and
 * Hauptfälligkeit – a date known only in part (MM.JJJJ, JJJJ), stored in `partial_dates` as 'YYYY-MM' /
 * 'YYYY' (the same form a GDV import stores). Pure: used by the zod schema, the form and the views.
 */
import { parseGermanDate } from '../forms/german-date';

export type PartialField = 'startDate' | 'endDate' | 'mainDueDate';
export const partialFields: readonly PartialField[] = ['startDate', 'endDate', 'mainDueDate'];

export type ParsedDate = { full: string; partial: null } | { full: null; partial: string };

const inRange = (year: number) => year >= 1900 && year <= 2199;

/** '' → null; a valid (partial) date → its parts; anything else → undefined (invalid). */
export function parseContractDate(value: string, allowPartial: boolean): ParsedDate | null | undefined {
  const v = value.trim();
  if (!v) return null;
  const iso = parseGermanDate(v);
  if (iso) return inRange(Number(iso.slice(0, 4))) ? { full: iso, partial: null } : undefined;
  if (!allowPartial) return undefined;
  const de = /^(\d{1,2})[./](\d{4})$/.exec(v);
  const isoMonth = /^(\d{4})-(\d{2})$/.exec(v);
  if (de || isoMonth) {
    const [m, y] = de ? [Number(de[1]), Number(de[2])] : [Number(isoMonth![2]), Number(isoMonth![1])];
    if (m < 1 || m > 12 || !inRange(y)) return undefined;
    return { full: null, partial: `${y}-${String(m).padStart(2, '0')}` };
  }
  const year = /^(\d{4})$/.exec(v);
  if (year && inRange(Number(year[1]))) return { full: null, partial: year[1]! };
  return undefined;
}

/** A stored date for the form and the views: 01.01.2027, 03.2004 or 2004 (German notation, the form parses it). */
export function showContractDate(full: string | null | undefined, partial?: string | null): string {
  if (full) {
    const [y, m, d] = full.split('-');
    return `${d}.${m}.${y}`;
  }
  if (!partial) return '';
  const [y, m] = partial.split('-');
  return m ? `${m}.${y}` : y!;
}
