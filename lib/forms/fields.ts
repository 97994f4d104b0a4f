import { z } from 'zod';
import type { MessageKey } from '../i18n';
import { parseGermanDate } from './german-date';
import { keyed } from './message';

export { parseGermanDate };

/**
 * Shared zod fields. Their messages are keys of the `forms` namespace (translated by the action builder into
 * the reader's language, German: the text shown next to the input).
 */

/**
 * A required text. `label` is the key of the field's name as the sentence needs it ("den Vornamen",
 * `forms.labels.theFirstName`); legacy callers may still pass the German words themselves.
 */
export const requiredText = (label: MessageKey | (string & {}), max = 80) =>
  z
    .string({ error: keyed('forms.required', { label }) })
    .trim()
    .min(1, keyed('forms.required', { label }))
    .max(max, keyed('forms.maxChars', { max: String(max) }));

export const optionalText = (max = 120) =>
  z
    .string()
    .trim()
    .max(max, keyed('forms.maxChars', { max: String(max) }))
    .optional()
    .transform((v) => (v ? v : null));

export const emailField = z
  .string({ error: 'forms.emailRequired' })
  .trim()
  .min(1, 'forms.emailRequired')
  .max(254, 'forms.emailTooLong')
  .pipe(z.email('forms.emailInvalid'));

export const phoneField = z
  .string()
  .trim()
  .max(40, keyed('forms.maxChars', { max: '40' }))
  .refine((v) => v === '' || /^\+?[0-9 ()/.-]{5,40}$/.test(v), 'forms.phoneInvalid')
  .optional()
  .transform((v) => (v ? v : null));

export const zipField = z
  .string()
  .trim()
  .refine((v) => v === '' || /^\d{5}$/.test(v), 'forms.zipInvalid')
  .optional()
  .transform((v) => (v ? v : null));

export const birthDateField = z
  .string({ error: 'forms.birthDateRequired' })
  .trim()
  .min(1, 'forms.birthDateRequired')
  .transform((v, ctx) => {
    const iso = parseGermanDate(v);
    if (!iso) {
      ctx.addIssue({ code: 'custom', message: 'forms.dateInvalid' });
      return z.NEVER;
    }
    const today = new Date().toISOString().slice(0, 10);
    if (iso < '1900-01-01' || iso > today) {
      ctx.addIssue({ code: 'custom', message: 'forms.birthDateRange' });
      return z.NEVER;
    }
    return iso;
  });

/** The stored values of ANREDE (data, German in every language); the forms show translated labels. */
export const salutations = ['Frau', 'Herr', 'Divers'] as const;

export const salutationField = z
  .enum(['', ...salutations], { error: 'forms.salutationInvalid' })
  .optional()
  .transform((v) => (v ? v : null));

export const uuidField = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'forms.invalidChoice');

/** Postgres unique violation on the e-mail index → the field error `forms.emailTaken`. */
export function isEmailTaken(error: unknown): boolean {
  const e = error as { code?: string; constraint_name?: string; cause?: { code?: string; constraint_name?: string } };
  const c = e?.cause ?? e;
  return c?.code === '23505' && c?.constraint_name === 'users_tenant_email_key';
}

export const emailTakenKey = 'forms.emailTaken' satisfies MessageKey;
