/**
 * BRUTTOBEITRAG gem. ZAHLWEISE: German number input ("1.234,56 €") ↔ integer cents, and the annualised
 * premium per contract for the Beitragsübersicht. Pure functions.
 */

export const paymentFrequencies = ['monatlich', 'vierteljährlich', 'halbjährlich', 'jährlich', 'einmalig', 'beitragsfrei'] as const;
export type PaymentFrequency = (typeof paymentFrequencies)[number];

export const paymentMethods = ['Lastschrift', 'Überweisung', 'Dauerauftrag', 'Rechnung'] as const;
export const contractStatuses = ['aktiv', 'beantragt', 'ruhend', 'gekündigt', 'beendet'] as const;

const perYear: Record<PaymentFrequency, number> = {
  monatlich: 12,
  vierteljährlich: 4,
  halbjährlich: 2,
  jährlich: 1,
  // A single premium and a paid-up contract add nothing to the yearly burden.
  einmalig: 0,
  beitragsfrei: 0,
};

export const maxPremiumCents = 99_999_999_99; // < 100 Mio. €, fits a PostgreSQL bigint and a JS number exactly

/**
 * Parses what people type: "1.234,56 €", "1234,5", "1 234,56", "12", "0,99". Returns cents or null.
 * A dot followed by exactly three digits is a thousands separator; a comma is the decimal separator.
 */
export function parseEuro(input: string): number | null {
  const raw = input.replace(/\u00a0/g, ' ').trim().replace(/\s*(€|EUR)$/i, '').trim();
  if (!raw) return null;
  if (!/^-?[\d. ]+(,\d{1,2})?$/.test(raw)) return null;
  if (raw.startsWith('-')) return null;
  const [intPart, fraction = ''] = raw.split(',') as [string, string?];
  const groups = intPart.split(/[. ]/);
  if (groups.length > 1 && (!/^\d{1,3}$/.test(groups[0]!) || groups.slice(1).some((g) => !/^\d{3}$/.test(g)))) return null;
  const euros = Number(groups.join(''));
  if (!Number.isSafeInteger(euros)) return null;
  const cents = euros * 100 + Number(fraction.padEnd(2, '0') || '0');
  return cents <= maxPremiumCents ? cents : null;
}

const formatter = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });

/** 123456 → "1.234,56 €" */
export function formatEuro(cents: number): string {
  return formatter.format(cents / 100).replace(/\u00a0/g, ' ');
}

/** The premium per year in cents for a premium "gem. ZAHLWEISE". */
export function annualCents(cents: number, frequency: PaymentFrequency): number {
  return cents * perYear[frequency];
}

/** Sum of annualised premiums (e.g. per contact or per area), counting only running contracts. */
export function annualTotal(contracts: readonly { premiumCents: number | null; frequency: PaymentFrequency | null; status: string }[]): number {
  return contracts.reduce((sum, c) => (c.premiumCents && c.frequency && (c.status === 'aktiv' || c.status === 'beantragt') ? sum + annualCents(c.premiumCents, c.frequency) : sum), 0);
}
