import { z } from 'zod';
import { uuidField } from '../forms/fields';
import { keyed } from '../forms/message';

const deadlineId = z
  .string()
  .trim()
  .regex(/^[A-Za-z]+:[0-9a-z-]{4,10}$/, 'fristen.errors.deadline');

export const markDoneSchema = z.object({
  contractId: uuidField,
  deadlineId,
  note: z
    .string()
    .trim()
    .max(500, keyed('forms.maxChars', { max: '500' }))
    .optional()
    .transform((v) => (v ? v : null)),
});

export const reopenSchema = z.object({ contractId: uuidField, deadlineId });

export type MarkDoneInput = z.output<typeof markDoneSchema>;

const optional = <T extends z.ZodType>(s: T) =>
  z.preprocess((v) => (v === '' || Array.isArray(v) ? undefined : v), s.optional());

/** The FRISTEN list's query (page and CSV export): anything unknown falls back to the default. */
export const listQuerySchema = z.object({
  fenster: optional(z.enum(['overdue', '30', '90', '180'])).catch(undefined),
  betreuer: optional(uuidField).catch(undefined),
  sparte: optional(z.string().regex(/^\d{3}$/)).catch(undefined),
  versicherer: optional(z.string().trim().min(1).max(200)).catch(undefined),
  erledigt: optional(z.literal('1')).catch(undefined),
  nach: optional(z.string().max(120)).catch(undefined),
});

/** The GDV Sparten the filter offers (reference §3); names in the `fristen` catalog. */
export const sparteOptions = [
  '010',
  '020',
  '030',
  '040',
  '041',
  '050',
  '051',
  '052',
  '053',
  '054',
  '070',
  '080',
  '110',
  '130',
  '140',
  '170',
  '190',
  '684',
] as const;
