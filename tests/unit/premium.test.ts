import { describe, expect, it } from 'vitest';
import { annualCents, annualTotal, formatEuro, parseEuro } from '../../lib/contracts/premium';

describe('BRUTTOBEITRAG input', () => {
  it.each([
    ['1.234,56 €', 123456],
    ['1.234,56', 123456],
    ['1234,56', 123456],
    ['1 234,5', 123450],
    ['12', 1200],
    ['0,99', 99],
    ['12,5 EUR', 1250],
    ['1.000.000', 100000000],
    ['  89,90\u00a0€ ', 8990],
  ])('%j → %i cents', (input, cents) => {
    expect(parseEuro(input)).toBe(cents);
  });

  it.each(['', 'abc', '12,345', '1,2,3', '-5', '1.23,00', '12.3456', '€', '1e5', '100000000', '99.999.999,99x'])('refuses %j', (input) => {
    expect(parseEuro(input)).toBeNull();
  });

  it('formats cents the German way and round-trips', () => {
    expect(formatEuro(123456)).toBe('1.234,56 €');
    expect(formatEuro(99)).toBe('0,99 €');
    for (const cents of [0, 1, 99, 100, 123456, 9_999_999_999]) expect(parseEuro(formatEuro(cents))).toBe(cents);
  });
});

describe('annualised premium', () => {
  it.each([
    ['monatlich', 1000, 12000],
    ['vierteljährlich', 1000, 4000],
    ['halbjährlich', 1000, 2000],
    ['jährlich', 1000, 1000],
    ['einmalig', 1000, 0],
    ['beitragsfrei', 1000, 0],
  ] as const)('%s', (frequency, cents, annual) => {
    expect(annualCents(cents, frequency)).toBe(annual);
  });

  it('sums running contracts only', () => {
    expect(
      annualTotal([
        { premiumCents: 1000, frequency: 'monatlich', status: 'aktiv' },
        { premiumCents: 5000, frequency: 'jährlich', status: 'beantragt' },
        { premiumCents: 9999, frequency: 'monatlich', status: 'gekündigt' },
        { premiumCents: null, frequency: 'monatlich', status: 'aktiv' },
      ]),
    ).toBe(17000);
  });
});
