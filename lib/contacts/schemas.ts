import { z } from 'zod';
import {
  birthDateField,
  emailField,
  optionalText,
  phoneField,
  requiredText,
  salutationField,
  uuidField,
  zipField,
} from '../forms/fields';

/** KONTAKT ERSTELLEN / bearbeiten: required VORNAME, NACHNAME, GEBURTSDATUM, KUNDEN-E-MAIL. */
export const contactSchema = z.object({
  salutation: salutationField,
  title: optionalText(40),
  firstName: requiredText('forms.labels.theFirstName'),
  lastName: requiredText('forms.labels.theLastName'),
  birthDate: birthDateField,
  email: emailField,
  phone: phoneField,
  mobile: phoneField,
  street: optionalText(120),
  zip: zipField,
  city: optionalText(80),
  advisorId: z
    .union([z.literal(''), uuidField])
    .optional()
    .transform((v) => (v ? v : null)),
  note: optionalText(2000),
});

export type ContactInput = z.output<typeof contactSchema>;

/** One contact, named by the hidden `id` of a form. */
export const contactIdSchema = z.object({ id: uuidField });
export type ContactId = z.output<typeof contactIdSchema>;

/** Stammdaten speichern: the contact's id plus the master data. */
export const updateContactSchema = contactSchema.extend(contactIdSchema.shape);
export type UpdateContactInput = z.output<typeof updateContactSchema>;

export const contactListSchema = z.object({
  q: z.string().trim().max(100).optional().default(''),
  sort: z.enum(['name', 'created']).optional().default('name'),
  after: z.string().max(400).optional(),
  filter: z.enum(['all', 'leads', 'incomplete']).optional().default('all'),
});
