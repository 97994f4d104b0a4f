/** BENUTZERNAME: immutable, lower-case ASCII "vorname.nachname", unique per tenant (max.mueller, max.mueller2). */
export function asciiName(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/đ/g, 'd')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const MAX = 36; // leaves room for a numeric suffix within 40 characters

export function usernameBase(firstName: string, lastName: string): string {
  const parts = [asciiName(firstName), asciiName(lastName)].filter(Boolean);
  let base = parts.join('.');
  if (base.length > MAX) base = base.slice(0, MAX).replace(/[.-]+$/, '');
  return base.length >= 2 ? base : 'benutzer';
}

/** The first free candidate: max.mueller, max.mueller2, max.mueller3, … */
export function nextFreeUsername(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}
