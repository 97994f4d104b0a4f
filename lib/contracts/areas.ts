/**
 * The four folder areas and what a contract means in each: field labels and the required set (SPEC §4).
 * Pure data + functions, used by the zod schema, the forms and the lists.
 */
import type { Contract, FolderArea } from '../db/schema/contracts';
import { showContractDate } from './dates';
import type { MessageKey } from '../i18n';

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
  | 'mainDueDate'
  | 'noticeMonths'
  | 'autoRenewal'
  | 'premiumIncreaseReceivedOn'
  | 'claimSettledOn'
  | 'acquiredOn'
  | 'note';

/** The fields the deadline engine reads (insurance only: the VVG deadlines are about insurance contracts). */
export const deadlineFields: readonly ContractField[] = [
  'mainDueDate',
  'noticeMonths',
  'autoRenewal',
  'premiumIncreaseReceivedOn',
  'claimSettledOn',
  'acquiredOn',
];

type AreaKey<A extends FolderArea, W extends string> = `contracts.areas.${A}.${W}`;

export interface AreaConfig<A extends FolderArea = FolderArea> {
  /** Catalog keys of the area's words: heading ("Versicherungen"), the singular for buttons and messages
   * ("Vertrag" / "Eintrag"), the add button and the area's names for product, provider and number. */
  label: AreaKey<A, 'label'> & MessageKey;
  itemLabel: AreaKey<A, 'item'> & MessageKey;
  /** The singular inside a sentence ("Der Vertrag ist gelöscht." / "The contract has been deleted."). */
  itemInSentence: AreaKey<A, 'inSentence'> & MessageKey;
  addLabel: AreaKey<A, 'add'> & MessageKey;
  productLabel: AreaKey<A, 'product'> & MessageKey;
  providerLabel: MessageKey | null;
  numberLabel: MessageKey | null;
  providerKind: 'insurer' | 'finance' | 'other' | null;
  /** Fields shown in the form, in order. */
  fields: readonly ContractField[];
  required: readonly ContractField[];
  /** Whether contracts of this area carry a premium (Beitragsübersicht). */
  premiums: boolean;
}

const money: readonly ContractField[] = [
  'paymentMethod',
  'frequency',
  'premium',
  'startDate',
  'endDate',
  'noticePeriod',
  'note',
];

const words = <A extends FolderArea>(area: A) => ({
  label: `contracts.areas.${area}.label` as AreaKey<A, 'label'> & MessageKey,
  itemLabel: `contracts.areas.${area}.item` as AreaKey<A, 'item'> & MessageKey,
  itemInSentence: `contracts.areas.${area}.inSentence` as AreaKey<A, 'inSentence'> & MessageKey,
  addLabel: `contracts.areas.${area}.add` as AreaKey<A, 'add'> & MessageKey,
  productLabel: `contracts.areas.${area}.product` as AreaKey<A, 'product'> & MessageKey,
});

export const areaConfig: { [A in FolderArea]: AreaConfig<A> } = {
  insurance: {
    ...words('insurance'),
    providerLabel: 'contracts.areas.insurance.provider',
    numberLabel: 'contracts.areas.insurance.number',
    providerKind: 'insurer',
    fields: ['status', 'product', 'provider', 'number', ...money.slice(0, -1), ...deadlineFields, 'note'],
    required: ['status', 'product', 'provider', 'number'],
    premiums: true,
  },
  finance: {
    ...words('finance'),
    providerLabel: 'contracts.areas.finance.provider',
    numberLabel: 'contracts.areas.finance.number',
    providerKind: 'finance',
    fields: ['status', 'product', 'provider', 'number', ...money],
    required: ['status', 'product', 'provider'],
    premiums: true,
  },
  other: {
    ...words('other'),
    providerLabel: 'contracts.areas.other.provider',
    numberLabel: 'contracts.areas.other.number',
    providerKind: 'other',
    fields: ['status', 'product', 'provider', 'number', ...money],
    required: ['status', 'product', 'provider'],
    premiums: true,
  },
  emergency: {
    ...words('emergency'),
    providerLabel: null,
    numberLabel: null,
    providerKind: null,
    fields: ['product', 'title', 'note'],
    required: ['product', 'title'],
    premiums: false,
  },
};

export const fieldLabelKeys: Record<ContractField, MessageKey> = {
  status: 'contracts.fields.status',
  product: 'contracts.fields.product',
  title: 'contracts.fields.title',
  provider: 'contracts.fields.provider',
  number: 'contracts.fields.number',
  paymentMethod: 'contracts.fields.paymentMethod',
  frequency: 'contracts.fields.frequency',
  premium: 'contracts.fields.premium',
  startDate: 'contracts.fields.startDate',
  endDate: 'contracts.fields.endDate',
  noticePeriod: 'contracts.fields.noticePeriod',
  mainDueDate: 'contracts.fields.mainDueDate',
  noticeMonths: 'contracts.fields.noticeMonths',
  autoRenewal: 'contracts.fields.autoRenewal',
  premiumIncreaseReceivedOn: 'contracts.fields.premiumIncreaseReceivedOn',
  claimSettledOn: 'contracts.fields.claimSettledOn',
  acquiredOn: 'contracts.fields.acquiredOn',
  note: 'contracts.fields.note',
};

/** The key of a field's label in one area ("VERSICHERER" vs. "ANBIETER"). */
export function labelKeyIn(area: FolderArea, field: ContractField): MessageKey {
  const c: AreaConfig = areaConfig[area];
  if (field === 'product') return c.productLabel;
  if (field === 'provider' && c.providerLabel) return c.providerLabel;
  if (field === 'number' && c.numberLabel) return c.numberLabel;
  return fieldLabelKeys[field];
}

export function isRequired(area: FolderArea, field: ContractField): boolean {
  return areaConfig[area].required.includes(field);
}

/** Document types of DOKUMENT HINZUFÜGEN (they belong to lib/documents). */
export { documentTypes } from '../documents/rules';

/** The normalised form of a contract number for the duplicate check ("AB 12-34" = "ab1234"). */
export function normaliseNumber(n: string): string {
  return n.toLowerCase().replace(/[\s./-]/g, '');
}

/** The form's initial values from a stored contract (money and insurance dates back into German notation, which the form parses). */
export function contractInitial(
  c: Pick<
    Contract,
    | 'id'
    | 'area'
    | 'status'
    | 'product'
    | 'title'
    | 'provider'
    | 'number'
    | 'paymentMethod'
    | 'frequency'
    | 'premiumCents'
    | 'startDate'
    | 'endDate'
    | 'noticePeriod'
    | 'note'
  > &
    Partial<
      Pick<
        Contract,
        | 'mainDueDate'
        | 'noticeMonths'
        | 'autoRenewal'
        | 'premiumIncreaseReceivedOn'
        | 'claimSettledOn'
        | 'acquiredOn'
        | 'partialDates'
      >
    >,
): Record<string, string> {
  const partial = c.partialDates ?? {};
  // Insurance dates are text fields (they take MM.JJJJ / JJJJ); the other areas keep the date picker.
  const term =
    c.area === 'insurance'
      ? (iso: string | null | undefined, p?: string) => showContractDate(iso, p)
      : (iso: string | null | undefined) => iso ?? '';
  const event = (iso: string | null | undefined) => showContractDate(iso);
  return {
    id: c.id,
    status: c.status ?? '',
    product: c.product,
    title: c.title ?? '',
    provider: c.provider ?? '',
    number: c.number ?? '',
    paymentMethod: c.paymentMethod ?? '',
    frequency: c.frequency ?? '',
    premium:
      c.premiumCents === null
        ? ''
        : (c.premiumCents / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    startDate: term(c.startDate, partial.startDate),
    endDate: term(c.endDate, partial.endDate),
    mainDueDate: term(c.mainDueDate, partial.mainDueDate),
    noticeMonths: c.noticeMonths == null ? '' : String(c.noticeMonths),
    autoRenewal: c.autoRenewal == null ? '' : c.autoRenewal ? 'yes' : 'no',
    premiumIncreaseReceivedOn: event(c.premiumIncreaseReceivedOn),
    claimSettledOn: event(c.claimSettledOn),
    acquiredOn: event(c.acquiredOn),
    noticePeriod: c.noticePeriod ?? '',
    note: c.note ?? '',
  };
}
