import { z } from 'zod';
import { uuidField } from '../forms/fields';

const hex = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'settings.errors.colorFormat');

/** IMPRESSUM / E-MAIL-SIGNATUR: the editor's JSON (the verb checks size and content). */
export const richTextSchema = z.object({
  kind: z.enum(['impressum', 'signature']),
  content: z.string().max(100_000, 'settings.errors.payloadTooLong'),
});

/** HAUPTFARBE, ZWEITFARBE, ERSTE SCHRIFTFARBE as #rrggbb. */
export const colorsSchema = z.object({ primary: hex, secondary: hex, font: hex });

export const resetColorsSchema = z.object({});

export const frameOriginsSchema = z.object({ origins: z.string().max(5000, 'settings.errors.originsTooLong') });

const brandingKind = z.enum(['logo', 'favicon']);

/** LOGO / FAVICON, step 1 (object input from the upload component; long strings are cut, not refused). */
export const brandingPresignSchema = z.object({
  kind: brandingKind,
  filename: z
    .string()
    .optional()
    .transform((s) => s?.slice(0, 500)),
  contentType: z.string().transform((s) => s.slice(0, 100)),
  size: z.coerce.number().int().min(1, 'settings.errors.fileEmpty'),
});

export const brandingFinalizeSchema = z.object({ kind: brandingKind, uploadId: uuidField });

export const brandingRemoveSchema = z.object({ kind: brandingKind });
