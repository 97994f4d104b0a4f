/**
 * Formatting an engine entry's values for `t(key, values)`. No catalog import, so client components can use
 * it with `useTranslations()` and the full key; `explain.ts` adds the translation for mails and jobs.
 */
import type { Locale } from '../i18n';
import { isComplete, type PartialDate } from './dates';
import type { Deadline, ReasonMessage, ReasonValue } from './types';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * German 30.09.2026, English (en-GB, like `formatters`) 30/09/2026; partial dates keep what is known
 * (08.2024, 2024). Formatted by hand: Intl would need a time zone for a value that has none.
 */
export function formatDay(p: PartialDate, locale: Locale): string {
  const sep = locale === 'de' ? '.' : '/';
  if (isComplete(p) || (p.month != null && p.day != null)) return [pad(p.day!), pad(p.month!), p.year].join(sep);
  if (p.month != null) return [pad(p.month), p.year].join(sep);
  return String(p.year);
}

const isDate = (v: ReasonValue): v is PartialDate => typeof v === 'object' && v !== null && 'year' in v;

/** The values of a reason or warning, ready for `t(key, values)`. */
export function reasonValues(message: ReasonMessage, locale: Locale): Record<string, string | number> {
  return Object.fromEntries(Object.entries(message.values).map(([k, v]) => [k, isDate(v) ? formatDay(v, locale) : v]));
}

/** "wirksam zum 01.01.2027", "sofort oder zum Ende der Versicherungsperiode" …, as a message. */
export function effectMessage(deadline: Deadline): ReasonMessage | null {
  if (deadline.state === 'unknown') return null;
  if (deadline.effect === 'endOfYear' && deadline.effectiveOn)
    return { key: 'deadlines.effects.endOfYear', values: { date: deadline.effectiveOn } };
  if (deadline.effect === 'onReceipt') return { key: 'deadlines.effects.onReceipt', values: {} };
  if (deadline.effect === 'onReceiptOrPeriodEnd') return { key: 'deadlines.effects.onReceiptOrPeriodEnd', values: {} };
  return { key: 'deadlines.effects.whenIncreaseApplies', values: {} };
}
