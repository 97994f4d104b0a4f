import { z } from 'zod';
import { contactSchema } from '../../contacts/schemas';
import { birthDateField, emailField, optionalText } from '../../forms/fields';
import type { FieldValues, RowReason } from '../types';
import { parseImportDate, parseSalutation, type ColumnMapping, type ContactField } from './columns';

/**
 * The rules of KONTAKT ERSTELLEN (its zod schema), with what an import may lack: e-mail and birth date
 * (the contact then gets no account until both are there), first and last name for a firm.
 */
const importSchema = contactSchema.omit({ advisorId: true }).extend({
  firstName: optionalText(80),
  lastName: optionalText(80),
  email: z
    .union([z.literal(''), emailField])
    .optional()
    .transform((v) => (v ? v.toLowerCase() : null)),
  birthDate: z
    .union([z.literal(''), birthDateField])
    .optional()
    .transform((v) => (v ? v : null)),
  company: optionalText(120),
  customerNumber: optionalText(40),
});

export type ImportedContact = z.output<typeof importSchema> & { advisor: string | null };

/** The cells of a row by field, through the column mapping (street and house number joined). */
export function cellsByField(cells: readonly string[], mapping: ColumnMapping): Partial<Record<ContactField, string>> {
  const out: Partial<Record<ContactField, string>> = {};
  for (const [index, field] of Object.entries(mapping)) {
    if (!field) continue;
    const v = (cells[Number(index)] ?? '').trim();
    if (v) out[field] = v;
  }
  return out;
}

export type Validated = { ok: true; contact: ImportedContact } | { ok: false; reason: RowReason };

/** One row checked: the contact's values or the first reason (catalog key, with the field). */
export function validateContact(raw: Partial<Record<ContactField, string>>): Validated {
  let salutation = raw.salutation ? parseSalutation(raw.salutation) : null;
  if (salutation === undefined) return { ok: false, reason: { key: 'forms.salutationInvalid', field: 'salutation' } };
  const firm = salutation === 'firm' || (!!raw.company && !raw.firstName && !raw.lastName);
  if (salutation === 'firm') salutation = null;
  if (firm && !raw.company && !raw.lastName)
    return { ok: false, reason: { key: 'import.reasons.companyMissing', field: 'company' } };
  if (!firm && !raw.lastName)
    return { ok: false, reason: { key: 'import.reasons.lastNameMissing', field: 'lastName' } };
  if (!firm && !raw.firstName)
    return { ok: false, reason: { key: 'import.reasons.firstNameMissing', field: 'firstName' } };
  let birthDate = '';
  if (raw.birthDate) {
    const iso = parseImportDate(raw.birthDate);
    if (!iso) return { ok: false, reason: { key: 'forms.dateInvalid', field: 'birthDate' } };
    birthDate = iso;
  }
  const street = [raw.street, raw.houseNumber].filter(Boolean).join(' ');
  const parsed = importSchema.safeParse({
    salutation: salutation ?? '',
    title: raw.title,
    firstName: raw.firstName,
    lastName: raw.lastName ?? (firm ? raw.company : undefined),
    birthDate,
    email: raw.email ?? '',
    phone: raw.phone,
    mobile: raw.mobile,
    street,
    zip: raw.zip,
    city: raw.city,
    note: raw.note,
    company: raw.company ?? (firm ? raw.lastName : undefined),
    customerNumber: raw.customerNumber,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: { key: issue.message as RowReason['key'], field: String(issue.path[0] ?? '') } };
  }
  return { ok: true, contact: { ...parsed.data, advisor: raw.advisor ?? null } };
}

/** The stored values of a contact as the applier writes them (and the review compares). */
export function contactValues(c: ImportedContact, advisorId: string | null): FieldValues {
  return {
    salutation: c.salutation,
    title: c.title,
    firstName: c.firstName ?? '',
    lastName: c.lastName ?? '',
    company: c.company,
    birthDate: c.birthDate,
    email: c.email ?? '',
    phone: c.phone,
    mobile: c.mobile,
    street: c.street,
    zip: c.zip,
    city: c.city,
    advisorId,
    customerNumber: c.customerNumber,
    note: c.note,
  };
}
