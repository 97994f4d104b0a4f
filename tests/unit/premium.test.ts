import { describe, expect, it } from 'vitest';
import {
  annualCents,
  annualTotal,
  formatEuro,
  maxPremiumCents,
  parseEuro,
  paymentFrequencies,
  type PaymentFrequency,
} from '../../lib/contracts/premium';

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

  it.each(['', 'abc', '12,345', '1,2,3', '-5', '1.23,00', '12.3456', '€', '1e5', '100000000', '99.999.999,99x'])(
    'refuses %j',
    (input) => {
      expect(parseEuro(input)).toBeNull();
    },
  );

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

describe('BRUTTOBEITRAG: round trips and edges', () => {
  it('"1.234,56" ↔ 123456 both ways', () => {
    expect(parseEuro('1.234,56')).toBe(123456);
    expect(formatEuro(123456)).toBe('1.234,56 €');
    expect(parseEuro(formatEuro(parseEuro('1.234,56')!))).toBe(123456);
    expect(formatEuro(parseEuro(formatEuro(123456))!)).toBe('1.234,56 €');
  });

  it.each([
    [0, '0,00 €'],
    [1, '0,01 €'],
    [10, '0,10 €'],
    [100, '1,00 €'],
    [100000, '1.000,00 €'],
    [123456789, '1.234.567,89 €'],
    [9_999_999_999, '99.999.999,99 €'],
  ])('%i cents ↔ %j', (cents, text) => {
    expect(formatEuro(cents)).toBe(text);
    expect(parseEuro(text)).toBe(cents);
  });

  it('never puts a no-break space into the formatted value', () => {
    expect(formatEuro(123456)).not.toMatch(/[\u00a0\u202f]/);
  });

  it.each([
    ['1.234', 123400],
    ['1234', 123400],
    ['1 234', 123400],
    ['0', 0],
    ['0,5', 50],
    ['0,05', 5],
    ['7 €', 700],
    ['7€', 700],
    ['7 eur', 700],
    ['99.999.999,99', 9_999_999_999],
    ['99999999,99 €', 9_999_999_999],
  ])('%j → %i cents', (input, cents) => {
    expect(parseEuro(input)).toBe(cents);
  });

  it.each([
    '100.000.000,00',
    '100000000,00',
    '12,',
    ',5',
    '1.23',
    '1.2345',
    '12.34,5',
    '1,234',
    '€ 12',
    '12 € 5',
    '+5',
    '0x10',
    '5-',
  ])('refuses %j', (input) => {
    expect(parseEuro(input)).toBeNull();
  });
});

describe('annualised premium per ZAHLWEISE', () => {
  it.each([
    ['monatlich', 12],
    ['vierteljährlich', 4],
    ['halbjährlich', 2],
    ['jährlich', 1],
    ['einmalig', 0],
    ['beitragsfrei', 0],
  ] as const)('%s × %i', (frequency, factor) => {
    for (const cents of [1, 8990, 123456]) expect(annualCents(cents, frequency)).toBe(cents * factor);
  });

  it('covers every ZAHLWEISE of the list', () => {
    expect([...paymentFrequencies]).toEqual([
      'monatlich',
      'vierteljährlich',
      'halbjährlich',
      'jährlich',
      'einmalig',
      'beitragsfrei',
    ]);
  });

  it('counts aktiv and beantragt only, skipping missing premium or ZAHLWEISE', () => {
    const c = (premiumCents: number | null, frequency: PaymentFrequency | null, status: string) => ({
      premiumCents,
      frequency,
      status,
    });
    expect(annualTotal([])).toBe(0);
    expect(
      annualTotal([
        c(1000, 'monatlich', 'aktiv'), // 12000
        c(1000, 'vierteljährlich', 'aktiv'), // 4000
        c(1000, 'halbjährlich', 'beantragt'), // 2000
        c(1000, 'jährlich', 'aktiv'), // 1000
        c(1000, 'einmalig', 'aktiv'), // 0
        c(1000, 'beitragsfrei', 'aktiv'), // 0
        c(1000, null, 'aktiv'),
        c(0, 'monatlich', 'aktiv'),
        c(1000, 'monatlich', 'ruhend'),
        c(1000, 'monatlich', 'gekündigt'),
        c(1000, 'monatlich', 'beendet'),
        c(1000, 'monatlich', ''),
      ]),
    ).toBe(19000);
  });

  it('stays exact at the largest premium', () => {
    expect(annualTotal([{ premiumCents: maxPremiumCents, frequency: 'monatlich', status: 'aktiv' }])).toBe(
      maxPremiumCents * 12,
    );
    expect(Number.isSafeInteger(maxPremiumCents * 12)).toBe(true);
  });
});
