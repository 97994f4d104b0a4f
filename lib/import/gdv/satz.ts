/**
 * The fields Mappe reads per Satzart (VUVM 2023 and older; positions 1-based inclusive, see
 * shared/reference/gdv-and-deadlines.md). Each function takes one 256-character record.
 */
import { alpha, code, gdvDate, num, raw } from './fields';
import type { GdvContract, GdvKey, GdvPart, GdvPerson, GdvVorsatz } from './types';

export const FREQUENCY_CODES = ['1', '2', '4', '5', '6', '8', '9'] as const;
export const STATUS_CODES = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** Header shared by all records. */
export const satzart = (t: string) => raw(t, 1, 4);
export const teildatensatz = (t: string) => raw(t, 256, 256);
export function keyOf(t: string): GdvKey {
  return {
    vuNumber: alpha(t, 5, 9),
    sparte: alpha(t, 11, 13),
    policyNumber: alpha(t, 14, 30),
    sequence: alpha(t, 31, 32),
  };
}
/** The key as one string (VU-Nummer + Sparte + Versicherungsschein-Nr + Folgenummer). */
export const keyString = (k: GdvKey) => [k.vuNumber, k.sparte, k.policyNumber, k.sequence].join('|');

export function vorsatz(t: string, line: number): GdvVorsatz {
  return {
    line,
    vuNumber: alpha(t, 5, 9),
    sender: alpha(t, 10, 39),
    addressee: alpha(t, 40, 69),
    createdFrom: gdvDate(t, 70, 'gdv.fields.createdFrom'),
    createdTo: gdvDate(t, 78, 'gdv.fields.createdTo'),
    broker: alpha(t, 86, 95),
  };
}

export function person1(t: string, line: number): GdvPerson {
  return {
    line,
    salutation: alpha(t, 43, 43),
    surname: alpha(t, 44, 73),
    name2: alpha(t, 74, 103),
    firstName: alpha(t, 104, 133),
    title: alpha(t, 134, 153),
    country: alpha(t, 154, 156),
    zip: alpha(t, 157, 162),
    city: alpha(t, 163, 187),
    street: alpha(t, 188, 217),
    birthDate: gdvDate(t, 226, 'gdv.fields.birthDate'),
    gender: alpha(t, 255, 255),
    customerNumber: '',
  };
}

export function person2(t: string, into: GdvPerson): void {
  into.customerNumber = alpha(t, 43, 59);
}

export function contract1(t: string, line: number): GdvContract {
  return {
    line,
    key: keyOf(t),
    agency: alpha(t, 33, 42),
    persons: [],
    inkasso: alpha(t, 43, 43),
    startDate: gdvDate(t, 44, 'gdv.fields.startDate'),
    endDate: gdvDate(t, 52, 'gdv.fields.endDate'),
    mainDueDate: gdvDate(t, 60, 'gdv.fields.mainDueDate'),
    frequency: code(t, 68, FREQUENCY_CODES, 'gdv.fields.frequency'),
    status: code(t, 69, STATUS_CODES, 'gdv.fields.status'),
    exitReason: alpha(t, 70, 71),
    exitDate: gdvDate(t, 72, 'gdv.fields.exitDate'),
    currency: alpha(t, 113, 115),
    netPremiumCents: num(t, 116, 127, 'gdv.fields.netPremium'),
    remainingYears: num(t, 195, 196, 'gdv.fields.remainingYears'),
    cancellationClause: '',
    grossPremiumCents: null,
    printablePolicyNumber: '',
    productName: '',
    policyDate: null,
    parts: [],
  };
}

export function contract2(t: string, into: GdvContract): void {
  into.cancellationClause = alpha(t, 43, 43);
  into.grossPremiumCents = num(t, 72, 83, 'gdv.fields.grossPremium');
  into.printablePolicyNumber = alpha(t, 84, 113);
  into.productName = alpha(t, 114, 133);
  into.policyDate = gdvDate(t, 147, 'gdv.fields.policyDate');
}

/** Where a Sparte's 0210 carries its premium (verified for 130 Hausrat only). */
const PART_PREMIUM: Record<string, [number, number]> = { '130': [181, 192] };

export function part(t: string, line: number): GdvPart {
  const sparte = alpha(t, 11, 13);
  const premium = PART_PREMIUM[sparte];
  return {
    line,
    sparte,
    status: code(t, 43, [...STATUS_CODES], 'gdv.fields.status'),
    startDate: gdvDate(t, 44, 'gdv.fields.startDate'),
    premiumCents: premium ? num(t, premium[0], premium[1], 'gdv.fields.partPremium') : null,
  };
}

export interface GdvNachsatz {
  count: number | null;
  totalPremiumCents: number | null;
  commissionCents: number | null;
}

export function nachsatz(t: string): GdvNachsatz {
  return {
    count: num(t, 5, 14, 'gdv.fields.count'),
    totalPremiumCents: num(t, 25, 39, 'gdv.fields.totalPremium'),
    commissionCents: num(t, 55, 68, 'gdv.fields.commission'),
  };
}
