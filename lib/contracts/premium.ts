/**
 * BRUTTOBEITRAG gem. ZAHLWEISE: German number input ("1.234,56 €") ↔ integer cents, and the annualised
 * premium per contract for the Beitragsübersicht. Pure functions.
 */

import type { Locale, MessageKey } from '../i18n';
import { contractStatusIds, paymentFrequencyIds, paymentMethodIds } from './catalog-data';

export type PaymentFrequency = keyof typeof paymentFrequencyIds;
export type PaymentMethod = keyof typeof paymentMethodIds;
export type ContractStatus = keyof typeof contractStatusIds;

/** The stored values, in the order the form offers them. */
export const paymentFrequencies = Object.keys(paymentFrequencyIds) as PaymentFrequency[];
export const paymentMethods = Object.keys(paymentMethodIds) as PaymentMethod[];
export const contractStatuses = Object.keys(contractStatusIds) as ContractStatus[];

/** The catalog key of a stored list value's label (unknown values: null, shown as stored). */
export const statusKey = (v: string): MessageKey | null =>
  Object.hasOwn(contractStatusIds, v)
    ? (`contracts.status.${contractStatusIds[v as ContractStatus]}` as MessageKey)
    : null;
export const frequencyKey = (v: string): MessageKey | null =>
  Object.hasOwn(paymentFrequencyIds, v)
    ? (`contracts.frequency.${paymentFrequencyIds[v as PaymentFrequency]}` as MessageKey)
    : null;
export const methodKey = (v: string): MessageKey | null =>
  Object.hasOwn(paymentMethodIds, v)
    ? (`contracts.method.${paymentMethodIds[v as PaymentMethod]}` as MessageKey)
    : null;

const perYearById: Record<(typeof paymentFrequencyIds)[PaymentFrequency], number> = {
  monthly: 12,
  quarterly: 4,
  halfYearly: 2,
  yearly: 1,
  // A single premium and a paid-up contract add nothing to the yearly burden.
  once: 0,
  paidUp: 0,
};

export const maxPremiumCents = 99_999_999_99; // < 100 Mio. €, fits a PostgreSQL bigint and a JS number exactly

/**
 * Parses what people type: "1.234,56 €", "1234,5", "1 234,56", "12", "0,99". Returns cents or null.
 * A dot followed by exactly three digits is a thousands separator; a comma is the decimal separator.
 */
export function parseEuro(input: string): number | null {
  const raw = input
    .replace(/\u00a0/g, ' ')
    .trim()
    .replace(/\s*(€|EUR)$/i, '')
    .trim();
  if (!raw) return null;
  if (!/^-?[\d. ]+(,\d{1,2})?$/.test(raw)) return null;
  if (raw.startsWith('-')) return null;
  const [intPart, fraction = ''] = raw.split(',') as [string, string?];
  const groups = intPart.split(/[. ]/);
  if (groups.length > 1 && (!/^\d{1,3}$/.test(groups[0]!) || groups.slice(1).some((g) => !/^\d{3}$/.test(g))))
    return null;
  const euros = Number(groups.join(''));
  if (!Number.isSafeInteger(euros)) return null;
  const cents = euros * 100 + Number(fraction.padEnd(2, '0') || '0');
  return cents <= maxPremiumCents ? cents : null;
}

const formatters = {
  de: new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
} satisfies Record<Locale, Intl.NumberFormat>;

/** 123456 → "1.234,56 €" (German, the default) / "€1,234.56" (English). */
export function formatEuro(cents: number, locale: Locale = 'de'): string {
  return formatters[locale].format(cents / 100).replace(/\u00a0/g, ' ');
}

/** Payments per year of a ZAHLWEISE (einmalig and beitragsfrei: 0, they add nothing to the yearly burden). */
export function paymentsPerYear(frequency: PaymentFrequency): number {
  return perYearById[paymentFrequencyIds[frequency]];
}

/** The premium per year in cents for a premium "gem. ZAHLWEISE". */
export function annualCents(cents: number, frequency: PaymentFrequency): number {
  return cents * paymentsPerYear(frequency);
}

/** Sum of annualised premiums (e.g. per contact or per area), counting only running contracts. */
export function annualTotal(
  contracts: readonly { premiumCents: number | null; frequency: PaymentFrequency | null; status: string }[],
): number {
  return contracts.reduce(
    (sum, c) =>
      c.premiumCents && c.frequency && (c.status === 'aktiv' || c.status === 'beantragt')
        ? sum + annualCents(c.premiumCents, c.frequency)
        : sum,
    0,
  );
}
