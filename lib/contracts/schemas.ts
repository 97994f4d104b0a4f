import { z } from 'zod';
import { folderAreas, type FolderArea } from '../db/schema/contracts';
import { optionalText, parseGermanDate, uuidField } from '../forms/fields';
import { areaConfig, documentTypes, labelIn, type ContractField } from './areas';
import { contractStatuses, maxPremiumCents, parseEuro, paymentFrequencies, paymentMethods } from './premium';


/** "TT.MM.JJJJ" or "YYYY-MM-DD" within 1900–2199 → ISO date; undefined when invalid. */
function dateOf(v: string): string | null | undefined {
  if (!v) return null;
  const iso = parseGermanDate(v);
  return iso && iso >= '1900-01-01' && iso <= '2199-12-31' ? iso : undefined;
}
const dateMessage = 'Bitte ein gültiges Datum eingeben (TT.MM.JJJJ).';

const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    const iso = dateOf(v ?? '');
    if (iso === undefined) {
      ctx.addIssue({ code: 'custom', message: dateMessage });
      return z.NEVER;
    }
    return iso;
  });

const text = z.string().optional().default('');

/**
 * VERTRAG HINZUFÜGEN / bearbeiten. Which fields exist and which are required depends on the area
 * (areaConfig); fields of other areas are ignored. Every check runs in one pass, so all German messages
 * appear at once. BRUTTOBEITRAG is typed the German way ("1.234,56 €") and stored as integer cents.
 */
export const contractSchema = z
  .object({
    area: z.enum(folderAreas, { error: 'Unbekannter Bereich.' }),
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
    note: text,
    confirmDuplicate: z.string().optional(),
  })
  .transform((raw, ctx) => {
    const area = raw.area as FolderArea;
    const cfg = areaConfig[area];
    const keep = (f: ContractField) => cfg.fields.includes(f);
    const issue = (field: ContractField, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    const v = Object.fromEntries(Object.entries(raw).map(([k, x]) => [k, typeof x === 'string' ? x.trim() : x])) as Record<string, string>;
    const limits: Partial<Record<ContractField, number>> = { product: 120, title: 200, provider: 200, number: 60, premium: 40, noticePeriod: 80, note: 4000 };
    for (const [field, max] of Object.entries(limits) as [ContractField, number][]) {
      if (keep(field) && v[field]!.length > max) issue(field, `Höchstens ${max} Zeichen.`);
    }
    for (const field of cfg.required) if (!v[field]) issue(field, `Bitte ${labelIn(area, field)} angeben.`);
    const oneOf = <T extends string>(field: ContractField, list: readonly T[], message: string): T | null => {
      if (!keep(field) || !v[field]) return null;
      if ((list as readonly string[]).includes(v[field]!)) return v[field] as T;
      issue(field, message);
      return null;
    };
    const status = oneOf('status', contractStatuses, 'Bitte einen VERTRAGSSTATUS aus der Liste wählen.');
    const paymentMethod = oneOf('paymentMethod', paymentMethods, 'Bitte eine ZAHLART aus der Liste wählen.');
    const frequency = oneOf('frequency', paymentFrequencies, 'Bitte eine ZAHLWEISE aus der Liste wählen.');
    let premiumCents: number | null = null;
    if (keep('premium') && v.premium && v.premium.length <= 40) {
      premiumCents = parseEuro(v.premium);
      if (premiumCents === null) issue('premium', `Bitte einen Betrag wie 1.234,56 eingeben (höchstens ${(maxPremiumCents / 100).toLocaleString('de-DE')} €).`);
    }
    const startDate = keep('startDate') ? dateOf(v.startDate!) : null;
    const endDate = keep('endDate') ? dateOf(v.endDate!) : null;
    if (startDate === undefined) issue('startDate', dateMessage);
    if (endDate === undefined) issue('endDate', dateMessage);
    if (startDate && endDate && endDate < startDate) issue('endDate', 'Der Ablauf liegt vor dem Beginn.');
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
      startDate: startDate ?? null,
      endDate: endDate ?? null,
      noticePeriod: opt('noticePeriod'),
      note: v.note ? v.note : null,
      confirmDuplicate: raw.confirmDuplicate === 'on' || raw.confirmDuplicate === 'true',
    };
  });

export type ContractInput = z.output<typeof contractSchema>;

export const createContractSchema = z.intersection(z.object({ contactId: uuidField }), contractSchema);
export const updateContractSchema = z.intersection(z.object({ id: uuidField }), contractSchema);
export const idSchema = z.object({ id: uuidField });

/** DOKUMENT HINZUFÜGEN: title*, type, date, note and the finished uploads (ids of the `uploads` rows). */
export const documentSchema = z.object({
  contactId: uuidField.optional(),
  contractId: z
    .union([z.literal(''), uuidField])
    .optional()
    .transform((v) => (v ? v : null)),
  area: z.enum(['insurance', 'finance', 'other', 'emergency', 'profile'], { error: 'Unbekannter Bereich.' }),
  title: z.string({ error: 'Bitte geben Sie einen Titel ein.' }).trim().min(1, 'Bitte geben Sie einen Titel ein.').max(200, 'Höchstens 200 Zeichen.'),
  type: z.enum(documentTypes, { error: 'Bitte eine Art aus der Liste wählen.' }),
  documentDate: optionalDate,
  note: optionalText(2000),
  uploads: z
    .string()
    .max(2000, 'Zu viele Dateien.')
    .optional()
    .default('')
    .transform((v) => [...new Set(v.split(',').filter(Boolean))])
    .pipe(z.array(uuidField).min(1, 'Bitte wählen Sie mindestens eine Datei aus.').max(20, 'Höchstens 20 Dateien auf einmal.')),
});
export type DocumentInput = z.output<typeof documentSchema>;

export const providerSchema = z.object({
  kind: z.enum(['insurer', 'finance', 'other'], { error: 'Bitte eine Liste wählen.' }),
  name: z.string().trim().min(2, 'Bitte geben Sie den Namen ein.').max(200, 'Höchstens 200 Zeichen.'),
});
