/**
 * Languages of the UI. German is the product's language (the handbook's CAPS words are German UI words);
 * English is a full translation. The choice is stored on the account ("Mein Zugang"); without one the
 * tenant's language applies.
 */
export const locales = ['de', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'de';
export const timeZone = 'Europe/Berlin';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

// Kept apart from ./index (which loads both catalogs) so that browser code can use these without them.
