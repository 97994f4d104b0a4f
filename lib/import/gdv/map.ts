/**
 * A delivered GDV contract → the values of a Mappe contract (flat, as an import row's `after`). Dates are
 * 'YYYY-MM-DD', or 'YYYY'/'YYYY-MM' when the insurer delivered only part of them (the applier keeps those
 * in contracts.partial_dates). Premium: Brutto where delivered, else Netto, labelled in premiumBasis.
 */
import type { Contract, FolderArea } from '../../db/schema';
import codes from './codes.json';
import type { GdvDate } from './fields';
import { keyString } from './satz';
import type { GdvContract } from './types';

interface Sparte {
  label: string;
  productLine?: string;
  area?: FolderArea;
}
const sparten = codes.sparten as Record<string, Sparte>;

/** The Sparte's name from the shipped code list; undefined for an unknown code (shown raw). */
export const sparteLabel = (code: string): string | undefined => sparten[code]?.label;

export type ContractValues = {
  gdvKey: string;
  area: FolderArea;
  product: string;
  title: string | null;
  provider: string;
  number: string;
  sparte: string | null;
  status: Contract['status'];
  frequency: Contract['frequency'];
  premiumCents: number | null;
  premiumBasis: 'brutto' | 'netto' | null;
  startDate: string | null;
  endDate: string | null;
  mainDueDate: string | null;
  exitReason: string | null;
  exitDate: string | null;
};

/** The fields an import compares and writes (the keys of ContractValues but the key). */
export const importedFields = [
  'area',
  'product',
  'title',
  'provider',
  'number',
  'sparte',
  'status',
  'frequency',
  'premiumCents',
  'premiumBasis',
  'startDate',
  'endDate',
  'mainDueDate',
  'exitReason',
  'exitDate',
] as const satisfies readonly (keyof ContractValues)[];
export type ImportedField = (typeof importedFields)[number];

const dateOf = (d: GdvDate) => d?.date ?? null;

/** storniert: gekündigt while the exit lies ahead of the delivery, beendet once it has passed (or unknown). */
function statusOf(c: GdvContract, asOf: string): Contract['status'] {
  if (c.status === '4') {
    const exit = c.exitDate && !c.exitDate.partial ? c.exitDate.date : null;
    return (exit && exit > asOf ? codes.ended.future : codes.ended.past) as Contract['status'];
  }
  const mapped = (codes.status as Record<string, string>)[c.status];
  return (mapped ?? null) as Contract['status'];
}

function premiumOf(c: GdvContract): Pick<ContractValues, 'premiumCents' | 'premiumBasis'> {
  if (c.grossPremiumCents !== null) return { premiumCents: c.grossPremiumCents, premiumBasis: 'brutto' };
  if (c.netPremiumCents !== null) return { premiumCents: c.netPremiumCents, premiumBasis: 'netto' };
  const parts = c.parts.filter((p) => p.premiumCents !== null);
  if (parts.length) return { premiumCents: parts.reduce((s, p) => s + p.premiumCents!, 0), premiumBasis: 'netto' };
  return { premiumCents: null, premiumBasis: null };
}

/**
 * @param provider the provider's name (the tenant's entry for the VU-Nummer, else the Vorsatz's sender)
 * @param asOf 'YYYY-MM-DD' the delivery date (decides gekündigt vs beendet for storniert contracts)
 */
export function contractValues(c: GdvContract, provider: string, asOf: string): ContractValues {
  const sparte = sparten[c.key.sparte];
  return {
    gdvKey: keyString(c.key),
    area: sparte?.area ?? 'insurance',
    product: sparte?.productLine ?? sparte?.label ?? c.key.sparte,
    title: c.productName || null,
    provider,
    number: c.printablePolicyNumber || c.key.policyNumber,
    sparte: c.key.sparte || null,
    status: statusOf(c, asOf),
    frequency: ((codes.frequency as Record<string, string>)[c.frequency] ?? null) as Contract['frequency'],
    ...premiumOf(c),
    startDate: dateOf(c.startDate),
    endDate: dateOf(c.endDate),
    mainDueDate: dateOf(c.mainDueDate),
    exitReason: c.exitReason || null,
    exitDate: dateOf(c.exitDate),
  };
}

/** A date value as the contracts row stores it: the date column and, for a partial one, the partial text. */
export function splitDate(value: string | null): { date: string | null; partial: string | null } {
  if (!value) return { date: null, partial: null };
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? { date: value, partial: null } : { date: null, partial: value };
}
