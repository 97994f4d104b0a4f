import { createTranslator } from 'next-intl';
import { catalogs, type Messages } from '../../messages';

import { defaultLocale, timeZone, type Locale } from './locales';

export { defaultLocale, isLocale, locales, timeZone, type Locale } from './locales';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A key of the German catalog, e.g. `tickets.errors.notFound` (typos fail the type check). */
export type MessageKey = Leaves<Messages>;
export type MessageValues = Record<string, string | number | Date>;

type Translate = (key: string, values?: MessageValues) => string;
const translators = new Map<Locale, Translate>();

function translator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator({ locale, messages: catalogs[locale] as Messages, timeZone }) as unknown as Translate;
    translators.set(locale, t);
  }
  return t;
}

function lookup(locale: Locale, key: string): unknown {
  let node: unknown = catalogs[locale];
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Whether a string is a key of the catalogs (domain errors and zod messages carry keys). */
export function isMessageKey(value: string): value is MessageKey {
  return /^[a-zA-Z][\w]*(\.[\w]+)+$/.test(value) && typeof lookup(defaultLocale, value) === 'string';
}

/**
 * Outside React (server actions, domain errors, mails, jobs): the text of a key in a locale. A key missing
 * in the locale falls back to German; a string that is no key is returned as it is.
 */
export function translate(locale: Locale, key: string, values?: MessageValues): string {
  if (!isMessageKey(key)) return key;
  const target = typeof lookup(locale, key) === 'string' ? locale : defaultLocale;
  return translator(target)(key, values);
}

/** Dates, numbers and money in the reader's locale (German: 01.01.2027, 1.234,56 €). */
export function formatters(locale: Locale) {
  const tag = locale === 'de' ? 'de-DE' : 'en-GB';
  const date = new Intl.DateTimeFormat(tag, { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' });
  const dateTime = new Intl.DateTimeFormat(tag, { timeZone, dateStyle: 'short', timeStyle: 'short' });
  const euro = new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR' });
  const number = new Intl.NumberFormat(tag);
  return {
    date: (d: Date | string) => date.format(typeof d === 'string' ? new Date(`${d}T12:00:00Z`) : d),
    dateTime: (d: Date) => dateTime.format(d),
    euroCents: (cents: number) => euro.format(cents / 100),
    number: (n: number) => number.format(n),
  };
}
