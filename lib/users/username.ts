/** BENUTZERNAME: immutable login name, lower-case ASCII, built from the person's name. */
export function usernameBase(firstName: string, lastName: string): string {
  const ascii = (s: string) =>
    s
      .toLowerCase()
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/ß/g, 'ss')
      .normalize('NFKD')
      .replace(/[^a-z0-9]/g, '');
  const base = `${ascii(firstName).slice(0, 1)}${ascii(lastName)}`.slice(0, 24);
  return base.length >= 2 ? base : 'benutzer';
}

/** The first free candidate: mbauer, mbauer2, mbauer3, … */
export function nextFreeUsername(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}
