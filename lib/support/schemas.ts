import { z } from 'zod';
import { keyed } from '../forms/message';

export const supportRules = { maxScreenshots: 3 } as const;

/** "Anliegen mitteilen": subject, message and the ids of the finished screenshot uploads. */
export const supportSchema = z.object({
  subject: z
    .string()
    .trim()
    .min(1, 'support.errors.subject')
    .max(200, keyed('forms.maxChars', { max: '200' })),
  message: z.string().trim().min(1, 'support.errors.message').max(5000, 'support.errors.messageTooLong'),
  screenshots: z
    .string()
    .max(2000)
    .optional()
    .default('')
    .transform((v) => [...new Set(v.split(',').filter(Boolean))]),
});
export type SupportInput = z.output<typeof supportSchema>;

/** Step 1 of a screenshot upload, as the form's client component sends it (long strings are cut). */
export const screenshotPresignSchema = z.object({
  filename: z
    .string()
    .optional()
    .transform((s) => (s ?? 'screenshot').slice(0, 500)),
  contentType: z.string().transform((s) => s.slice(0, 100)),
  size: z.coerce.number().int(),
});
export type ScreenshotPresignInput = z.output<typeof screenshotPresignSchema>;
