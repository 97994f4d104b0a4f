import { z } from 'zod';
import { uuidField } from '../forms/fields';

/**
 * KONTAKT LÖSCHEN: the contact (form field `id`) and the name typed to confirm (compared in the verb).
 * The verbs take `{ contactId, … }`; the forms keep their field names.
 */
export const deleteContactSchema = z
  .object({
    id: uuidField,
    confirmName: z.string().max(200, 'privacy.errors.confirmNameLength').optional().default(''),
  })
  .transform(({ id, confirmName }) => ({ contactId: id, confirmName }));
export type DeleteContactInput = z.output<typeof deleteContactSchema>;

/** ARCHIVIEREN / WIEDER AKTIVIEREN (`archived` is 'true'/'false' from the form). */
export const archiveContactSchema = z
  .object({ id: uuidField, archived: z.enum(['true', 'false']) })
  .transform(({ id, archived }) => ({ contactId: id, archived: archived === 'true' }));
export type ArchiveContactInput = z.output<typeof archiveContactSchema>;

export interface ExportContactInput {
  contactId: string;
}
