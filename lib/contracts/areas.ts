/**
 * The four folder areas and what a contract means in each: field labels and the required set (SPEC §4).
 * Pure data + functions, used by the zod schema, the forms and the lists.
 */
import type { FolderArea } from '../db/schema/contracts';

export type { FolderArea };

export type ContractField =
  | 'status'
  | 'product'
  | 'title'
  | 'provider'
  | 'number'
  | 'paymentMethod'
  | 'frequency'
  | 'premium'
  | 'startDate'
  | 'endDate'
  | 'noticePeriod'
  | 'note';

export interface AreaConfig {
  /** Short German name for headings ("Versicherungen"). */
  label: string;
  /** Singular for buttons and messages ("Vertrag" / "Eintrag"). */
  itemLabel: string;
  addLabel: string;
  productLabel: string;
  providerLabel: string;
  numberLabel: string;
  providerKind: 'insurer' | 'finance' | 'other' | null;
  /** Fields shown in the form, in order. */
  fields: readonly ContractField[];
  required: readonly ContractField[];
  /** Whether contracts of this area carry a premium (Beitragsübersicht). */
  premiums: boolean;
}

const money: readonly ContractField[] = ['paymentMethod', 'frequency', 'premium', 'startDate', 'endDate', 'noticePeriod', 'note'];

export const areaConfig: Record<FolderArea, AreaConfig> = {
  insurance: {
    label: 'Versicherungen',
    itemLabel: 'Vertrag',
    addLabel: 'VERTRAG HINZUFÜGEN',
    productLabel: 'PRODUKT / SPARTE',
    providerLabel: 'VERSICHERER',
    numberLabel: 'VERSICHERUNGSNUMMER',
    providerKind: 'insurer',
    fields: ['status', 'product', 'provider', 'number', ...money],
    required: ['status', 'product', 'provider', 'number'],
    premiums: true,
  },
  finance: {
    label: 'Finanzen (Sparen / Finanzieren)',
    itemLabel: 'Vertrag',
    addLabel: 'VERTRAG HINZUFÜGEN',
    productLabel: 'PRODUKT',
    providerLabel: 'ANBIETER',
    numberLabel: 'VERTRAGSNUMMER',
    providerKind: 'finance',
    fields: ['status', 'product', 'provider', 'number', ...money],
    required: ['status', 'product', 'provider'],
    premiums: true,
  },
  other: {
    label: 'Sonstige Verträge',
    itemLabel: 'Vertrag',
    addLabel: 'VERTRAG HINZUFÜGEN',
    productLabel: 'VERTRAGSART',
    providerLabel: 'ANBIETER',
    numberLabel: 'VERTRAGSNUMMER',
    providerKind: 'other',
    fields: ['status', 'product', 'provider', 'number', ...money],
    required: ['status', 'product', 'provider'],
    premiums: true,
  },
  emergency: {
    label: 'Notfall-Ordner',
    itemLabel: 'Eintrag',
    addLabel: 'EINTRAG HINZUFÜGEN',
    productLabel: 'ART DES DOKUMENTS',
    providerLabel: '',
    numberLabel: '',
    providerKind: null,
    fields: ['product', 'title', 'note'],
    required: ['product', 'title'],
    premiums: false,
  },
};

export const fieldLabels: Record<ContractField, string> = {
  status: 'VERTRAGSSTATUS',
  product: 'PRODUKT / SPARTE',
  title: 'TITEL',
  provider: 'VERSICHERER',
  number: 'VERSICHERUNGSNUMMER',
  paymentMethod: 'ZAHLART',
  frequency: 'ZAHLWEISE',
  premium: 'BRUTTOBEITRAG gem. ZAHLWEISE',
  startDate: 'Beginn',
  endDate: 'Ablauf',
  noticePeriod: 'Kündigungsfrist',
  note: 'NOTIZ',
};

/** The label of a field in one area ("VERSICHERER" vs. "ANBIETER"). */
export function labelIn(area: FolderArea, field: ContractField): string {
  const c = areaConfig[area];
  if (field === 'product') return c.productLabel;
  if (field === 'provider') return c.providerLabel;
  if (field === 'number') return c.numberLabel;
  return fieldLabels[field];
}

export function isRequired(area: FolderArea, field: ContractField): boolean {
  return areaConfig[area].required.includes(field);
}

/** Document types of DOKUMENT HINZUFÜGEN. */
export const documentTypes = ['Police', 'Nachtrag', 'Beitragsrechnung', 'Schadenmeldung', 'Korrespondenz', 'Vollmacht', 'Maklervertrag', 'Sonstiges'] as const;

/** The normalised form of a contract number for the duplicate check ("AB 12-34" = "ab1234"). */
export function normaliseNumber(n: string): string {
  return n.toLowerCase().replace(/[\s./-]/g, '');
}

/** The form's initial values from a stored contract (money back into German notation). */
export function contractInitial(c: {
  id: string;
  status: string | null;
  product: string;
  title: string | null;
  provider: string | null;
  number: string | null;
  paymentMethod: string | null;
  frequency: string | null;
  premiumCents: number | null;
  startDate: string | null;
  endDate: string | null;
  noticePeriod: string | null;
  note: string | null;
}): Record<string, string> {
  return {
    id: c.id,
    status: c.status ?? '',
    product: c.product,
    title: c.title ?? '',
    provider: c.provider ?? '',
    number: c.number ?? '',
    paymentMethod: c.paymentMethod ?? '',
    frequency: c.frequency ?? '',
    premium: c.premiumCents === null ? '' : (c.premiumCents / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    startDate: c.startDate ?? '',
    endDate: c.endDate ?? '',
    noticePeriod: c.noticePeriod ?? '',
    note: c.note ?? '',
  };
}
