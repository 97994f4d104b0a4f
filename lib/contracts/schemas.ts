import { z } from 'zod';
import { folderAreas, type FolderArea } from '../db/schema/contracts';
import { parseGermanDate, uuidField } from '../forms/fields';
import { type ParsedDate, parseContractDate, type PartialField } from './dates';
import { keyed } from '../forms/message';
import type { MessageKey } from '../i18n';
import { areaConfig, labelKeyIn, type ContractField } from './areas';
import { contractStatuses, parseEuro, paymentFrequencies, paymentMethods } from './premium';

export { documentSchema, type DocumentInput } from '../documents/schemas';

/** "TT.MM.JJJJ" or "YYYY-MM-DD" within 1900–2199 → ISO date; undefined when invalid. */
function dateOf(v: string): string | null | undefined {
  if (!v) return null;
  const iso = parseGermanDate(v);
  return iso && iso >= '1900-01-01' && iso <= '2199-12-31' ? iso : undefined;
}
const dateMessage = 'contracts.errors.date';

const text = z.string().optional().default('');

type Issue = (field: ContractField, message: MessageKey | (string & {})) => void;

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Beginn, Ablauf, Hauptfälligkeit (insurance: also MM.JJJJ / JJJJ, kept in `partialDates`) and the three
 * deadline events (full days, not in the future).
 */
function contractDates(v: Record<string, string>, keep: (f: ContractField) => boolean, issue: Issue) {
  const partialDates: Partial<Record<PartialField, string>> = {};
  const allowPartial = keep('mainDueDate');
  const term = (field: PartialField): string | null => {
    if (!keep(field)) return null;
    const parsed: ParsedDate | null | undefined = parseContractDate(v[field] ?? '', allowPartial);
    if (parsed === undefined) issue(field, allowPartial ? 'contracts.errors.partialDate' : dateMessage);
    if (parsed?.partial) partialDates[field] = parsed.partial;
    return parsed?.full ?? null;
  };
  const startDate = term('startDate');
  const endDate = term('endDate');
  const mainDueDate = term('mainDueDate');
  if (startDate && endDate && endDate < startDate) issue('endDate', 'contracts.errors.endBeforeStart');
  if (startDate && mainDueDate && mainDueDate < startDate) issue('mainDueDate', 'contracts.errors.dueBeforeStart');
  const event = (field: 'premiumIncreaseReceivedOn' | 'claimSettledOn' | 'acquiredOn'): string | null => {
    if (!keep(field) || !v[field]) return null;
    const iso = dateOf(v[field]!);
    if (!iso) issue(field, dateMessage);
    else if (iso > today()) issue(field, 'contracts.errors.eventInFuture');
    return iso ?? null;
  };
  return {
    startDate,
    endDate,
    mainDueDate,
    partialDates: Object.keys(partialDates).length ? partialDates : null,
    premiumIncreaseReceivedOn: event('premiumIncreaseReceivedOn'),
    claimSettledOn: event('claimSettledOn'),
    acquiredOn: event('acquiredOn'),
  };
}

/** Kündigungsfrist in whole months, 1–3 (VVG §11(3)); empty: the rule's default. */
function noticeMonthsOf(v: Record<string, string>, keep: (f: ContractField) => boolean, issue: Issue): number | null {
  if (!keep('noticeMonths') || !v.noticeMonths) return null;
  const n = /^\d{1,2}$/.test(v.noticeMonths) ? Number(v.noticeMonths) : NaN;
  if (n >= 1 && n <= 3) return n;
  issue('noticeMonths', 'contracts.errors.noticeMonths');
  return null;
}

/**
 * VERTRAG HINZUFÜGEN / bearbeiten. Which fields exist and which are required depends on the area
 * (areaConfig); fields of other areas are ignored. Every check runs in one pass, so all German messages
 * appear at once (messages are catalog keys). BRUTTOBEITRAG is typed the German way ("1.234,56 €") and stored as integer cents.
 */
export const contractSchema = z
  .object({
    area: z.enum(folderAreas, { error: 'contracts.errors.area' }),
    status: text,
    product: text,
    title: text,
    provider: text,
    number: text,
    paymentMethod: text,
    frequency: text,
    premium: text,
    startDate: text,
    endDate: text,
    noticePeriod: text,
    mainDueDate: text,
    noticeMonths: text,
    autoRenewal: text,
    premiumIncreaseReceivedOn: text,
    claimSettledOn: text,
    acquiredOn: text,
    note: text,
    confirmDuplicate: z.string().optional(),
  })
  .transform((raw, ctx) => {
    const area = raw.area as FolderArea;
    const cfg = areaConfig[area];
    const keep = (f: ContractField) => cfg.fields.includes(f);
    const issue = (field: ContractField, message: MessageKey | (string & {})) =>
      ctx.addIssue({ code: 'custom', path: [field], message });
    const v = Object.fromEntries(
      Object.entries(raw).map(([k, x]) => [k, typeof x === 'string' ? x.trim() : x]),
    ) as Record<string, string>;
    const limits: Partial<Record<ContractField, number>> = {
      product: 120,
      title: 200,
      provider: 200,
      number: 60,
      premium: 40,
      noticePeriod: 80,
      note: 4000,
    };
    for (const [field, max] of Object.entries(limits) as [ContractField, number][]) {
      if (keep(field) && v[field]!.length > max) issue(field, keyed('forms.maxChars', { max: String(max) }));
    }
    for (const field of cfg.required)
      if (!v[field]) issue(field, keyed('contracts.errors.required', { label: labelKeyIn(area, field) }));
    if (keep('autoRenewal') && v.autoRenewal && v.autoRenewal !== 'yes' && v.autoRenewal !== 'no')
      issue('autoRenewal', 'contracts.errors.autoRenewal');
    const oneOf = <T extends string>(field: ContractField, list: readonly T[], message: MessageKey): T | null => {
      if (!keep(field) || !v[field]) return null;
      if ((list as readonly string[]).includes(v[field]!)) return v[field] as T;
      issue(field, message);
      return null;
    };
    const status = oneOf('status', contractStatuses, 'contracts.errors.status');
    const paymentMethod = oneOf('paymentMethod', paymentMethods, 'contracts.errors.paymentMethod');
    const frequency = oneOf('frequency', paymentFrequencies, 'contracts.errors.frequency');
    let premiumCents: number | null = null;
    if (keep('premium') && v.premium && v.premium.length <= 40) {
      premiumCents = parseEuro(v.premium);
      if (premiumCents === null) issue('premium', 'contracts.errors.premium');
    }
    const dates = contractDates(v, keep, issue);
    const opt = (f: ContractField) => (keep(f) && v[f] ? v[f]! : null);
    return {
      area,
      status,
      product: v.product!,
      title: opt('title'),
      provider: opt('provider'),
      number: opt('number'),
      paymentMethod,
      frequency,
      premiumCents: keep('premium') ? premiumCents : null,
      ...dates,
      noticePeriod: opt('noticePeriod'),
      noticeMonths: noticeMonthsOf(v, keep, issue),
      autoRenewal: keep('autoRenewal') && v.autoRenewal ? v.autoRenewal === 'yes' : null,
      note: v.note ? v.note : null,
      confirmDuplicate: raw.confirmDuplicate === 'on' || raw.confirmDuplicate === 'true',
    };
  });

export type ContractInput = z.output<typeof contractSchema>;

export const createContractSchema = z.intersection(z.object({ contactId: uuidField }), contractSchema);
export const updateContractSchema = z.intersection(z.object({ id: uuidField }), contractSchema);
export const idSchema = z.object({ id: uuidField });

export const providerSchema = z.object({
  kind: z.enum(['insurer', 'finance', 'other'], { error: 'contracts.errors.providerList' }),
  name: z
    .string()
    .trim()
    .min(2, 'contracts.errors.providerName')
    .max(200, keyed('forms.maxChars', { max: '200' })),
});

/** The VERTRAG HINZUFÜGEN form as posted: employees name the contact, a client's own id is used for them. */
export const createContractFormSchema = z.intersection(z.object({ contactId: uuidField.optional() }), contractSchema);
