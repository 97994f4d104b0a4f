import { z } from 'zod';
import { optionalText, parseGermanDate, uuidField } from '../forms/fields';
import { documentTypes } from './rules';

/** "TT.MM.JJJJ" or "YYYY-MM-DD" within 1900–2199 → ISO date, '' → null. */
export const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const iso = parseGermanDate(v);
    if (!iso || iso < '1900-01-01' || iso > '2199-12-31') {
      ctx.addIssue({ code: 'custom', message: 'documents.errors.date' });
      return z.NEVER;
    }
    return iso;
  });

/** DOKUMENT HINZUFÜGEN: title*, type, date, note and the finished uploads (ids of the `uploads` rows). */
export const documentSchema = z.object({
  contactId: uuidField.optional(),
  contractId: z
    .union([z.literal(''), uuidField])
    .optional()
    .transform((v) => (v ? v : null)),
  area: z.enum(['insurance', 'finance', 'other', 'emergency', 'profile'], { error: 'documents.errors.area' }),
  title: z
    .string({ error: 'documents.errors.title' })
    .trim()
    .min(1, 'documents.errors.title')
    .max(200, 'documents.errors.titleTooLong'),
  type: z.enum(documentTypes, { error: 'documents.errors.type' }),
  documentDate: optionalDate,
  note: optionalText(2000),
  uploads: z
    .string()
    .max(2000, 'documents.errors.tooManyFiles')
    .optional()
    .default('')
    .transform((v) => [...new Set(v.split(',').filter(Boolean))])
    .pipe(z.array(uuidField).min(1, 'documents.errors.noFiles').max(20, 'documents.errors.maxFiles')),
});
export type DocumentInput = z.output<typeof documentSchema>;

export const idSchema = z.object({ id: uuidField });

/** Step 1 of an upload into a folder place (or a KOMMUNIKATION attachment), as a client component sends it. */
export const documentUploadSchema = z.object({
  contactId: uuidField.optional().nullable(),
  area: z.enum(['insurance', 'finance', 'other', 'emergency', 'profile', 'communication']),
  contractId: z.union([uuidField, z.literal(''), z.null()]).optional(),
  filename: z.string().max(500),
  contentType: z.string().max(100),
  size: z.number().int(),
});
