// No zod here: the contract form parses dates in the browser through lib/contracts/dates.ts.

/** Parses "YYYY-MM-DD" (date input) or "TT.MM.JJJJ" into an ISO date; null when not a real date. */
export function parseGermanDate(input: string): string | null {
  const v = input.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const de = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (de) [d, m, y] = [Number(de[1]), Number(de[2]), Number(de[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
