import { z } from 'zod';

/** Shared zod fields with the German messages shown next to the inputs. */

export const requiredText = (label: string, max = 80) =>
  z
    .string({ error: `Bitte geben Sie ${label} ein.` })
    .trim()
    .min(1, `Bitte geben Sie ${label} ein.`)
    .max(max, `Höchstens ${max} Zeichen.`);

export const optionalText = (max = 120) =>
  z
    .string()
    .trim()
    .max(max, `Höchstens ${max} Zeichen.`)
    .optional()
    .transform((v) => (v ? v : null));

export const emailField = z
  .string({ error: 'Bitte geben Sie eine E-Mail-Adresse ein.' })
  .trim()
  .min(1, 'Bitte geben Sie eine E-Mail-Adresse ein.')
  .max(254, 'Die E-Mail-Adresse ist zu lang.')
  .pipe(z.email('Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.'));

export const phoneField = z
  .string()
  .trim()
  .max(40, 'Höchstens 40 Zeichen.')
  .refine((v) => v === '' || /^\+?[0-9 ()/.-]{5,40}$/.test(v), 'Bitte nur Ziffern, Leerzeichen und + ( ) / - verwenden.')
  .optional()
  .transform((v) => (v ? v : null));

export const zipField = z
  .string()
  .trim()
  .refine((v) => v === '' || /^\d{5}$/.test(v), 'Die PLZ hat fünf Ziffern.')
  .optional()
  .transform((v) => (v ? v : null));

/** Parses "YYYY-MM-DD" (date input) or "TT.MM.JJJJ" into an ISO date; null when not a real date. */
export function parseGermanDate(input: string): string | null {
  const v = input.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const de = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (de) [d, m, y] = [Number(de[1]), Number(de[2]), Number(de[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export const birthDateField = z
  .string({ error: 'Bitte geben Sie das Geburtsdatum ein.' })
  .trim()
  .min(1, 'Bitte geben Sie das Geburtsdatum ein.')
  .transform((v, ctx) => {
    const iso = parseGermanDate(v);
    if (!iso) {
      ctx.addIssue({ code: 'custom', message: 'Bitte geben Sie ein gültiges Datum ein (TT.MM.JJJJ).' });
      return z.NEVER;
    }
    const today = new Date().toISOString().slice(0, 10);
    if (iso < '1900-01-01' || iso > today) {
      ctx.addIssue({ code: 'custom', message: 'Das Geburtsdatum muss zwischen 1900 und heute liegen.' });
      return z.NEVER;
    }
    return iso;
  });

export const salutationField = z
  .enum(['', 'Frau', 'Herr', 'Divers'], { error: 'Bitte wählen Sie eine Anrede aus der Liste.' })
  .optional()
  .transform((v) => (v ? v : null));

export const uuidField = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'Ungültige Auswahl.');

/** Postgres unique violation on the e-mail index → the German field error. */
export function isEmailTaken(error: unknown): boolean {
  const e = error as { code?: string; constraint_name?: string; cause?: { code?: string; constraint_name?: string } };
  const c = e?.cause ?? e;
  return c?.code === '23505' && c?.constraint_name === 'users_tenant_email_key';
}

export const emailTakenMessage = 'Diese E-Mail-Adresse wird in Ihrem Portal bereits verwendet (pro E-Mail-Adresse ist nur ein Account möglich).';
