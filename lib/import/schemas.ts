import { z } from 'zod';
import { uuidField } from '../forms/fields';
import { contactFields } from './contacts/columns';

export const presignImportSchema = z.object({
  filename: z.string().trim().min(1).max(255),
  contentType: z.string().max(200),
  size: z.number().int().nonnegative(),
});
export type PresignImportInput = z.output<typeof presignImportSchema>;

export const createImportSchema = z.object({
  uploadId: uuidField,
  kind: z.enum(['contacts', 'gdv'], { error: 'import.errors.kind' }),
});
export type CreateImportInput = z.output<typeof createImportSchema>;

export const jobIdSchema = z.object({ id: uuidField });
export type JobIdInput = z.output<typeof jobIdSchema>;

const field = z.enum(['', ...contactFields], { error: 'forms.invalidChoice' });

/** PRÜFEN: the form sends one `col_<index>` select per column. */
export const mappingSchema = z
  .looseObject({ id: uuidField })
  .transform((input) => {
    const mapping: Record<string, string> = {};
    for (const [k, v] of Object.entries(input)) {
      const m = /^col_(\d{1,3})$/.exec(k);
      if (m) mapping[m[1]!] = String(v);
    }
    return { id: input.id, mapping };
  })
  .pipe(z.object({ id: uuidField, mapping: z.record(z.string(), field) }));
export type MappingInput = z.output<typeof mappingSchema>;

export const excludeSchema = z.object({
  id: uuidField,
  rowId: uuidField,
  excluded: z.enum(['true', 'false']).transform((v) => v === 'true'),
});
export type ExcludeInput = z.output<typeof excludeSchema>;

export const decideSchema = z.object({
  id: uuidField,
  rowId: uuidField,
  decision: z.union([z.literal('new'), uuidField], { error: 'import.errors.decision' }),
});
export type DecideInput = z.output<typeof decideSchema>;

export const rowFilters = ['all', 'new', 'changed', 'unchanged', 'error', 'excluded'] as const;
export type RowFilter = (typeof rowFilters)[number];
