import { z } from 'zod';
import { uuidField, birthDateField, emailField, requiredText, salutationField } from '../forms/fields';
import { extraRightKeys, moduleKeys, type EmployeeRights } from '../db/schema';

const level = z.enum(['none', 'read', 'write'], { error: 'users.errors.level' });

export interface EmployeeInput {
  salutation: string | null;
  firstName: string;
  lastName: string;
  birthDate: string;
  email: string;
  employeeType: 'mitarbeiter' | 'netzwerkpartner' | 'experte';
  role: 'admin' | 'employee';
  scope: 'all' | 'own';
  [right: `right_${string}`]: 'none' | 'read' | 'write';
  [flag: `flag_${string}`]: 'on' | undefined;
}

/** BENUTZER ERSTELLEN / bearbeiten: master data, type, role, scope and one select per module right. */
export const employeeSchema = z.object({
  salutation: salutationField,
  firstName: requiredText('forms.labels.theFirstName'),
  lastName: requiredText('forms.labels.theLastName'),
  birthDate: birthDateField,
  email: emailField,
  employeeType: z.enum(['mitarbeiter', 'netzwerkpartner', 'experte'], { error: 'users.errors.employeeType' }),
  role: z.enum(['admin', 'employee'], { error: 'users.errors.role' }),
  scope: z.enum(['all', 'own'], { error: 'users.errors.scope' }),
  ...Object.fromEntries(moduleKeys.map((m) => [`right_${m}`, level.default('none')])),
  ...Object.fromEntries(extraRightKeys.map((k) => [`flag_${k}`, z.literal('on').optional()])),
}) as unknown as z.ZodType<EmployeeInput>;

/** The module rights of the form's `right_<module>` selects, and the checkbox rights. */
export function rightsOf(input: EmployeeInput): EmployeeRights {
  const rights = Object.fromEntries(
    moduleKeys.map((m) => [m, input[`right_${m}`] ?? 'none']),
  ) as unknown as EmployeeRights;
  for (const k of extraRightKeys) if (input[`flag_${k}`] === 'on') rights[k] = true;
  return rights;
}

export const employeeIdSchema = z.object({ id: uuidField });
export type EmployeeId = z.output<typeof employeeIdSchema>;

export const updateEmployeeSchema = z.intersection(employeeIdSchema, employeeSchema);
export type UpdateEmployeeInput = EmployeeId & EmployeeInput;

/** Sperren / Entsperren: the hidden field says which. */
export const lockEmployeeSchema = employeeIdSchema.extend({
  locked: z.enum(['true', 'false']).transform((v) => v === 'true'),
});
export type LockEmployeeInput = z.output<typeof lockEmployeeSchema>;

/** "Mein Zugang": the language of the account. */
export const chooseLanguageSchema = z.object({ locale: z.enum(['de', 'en'], { error: 'account.errors.language' }) });
export type ChooseLanguageInput = z.output<typeof chooseLanguageSchema>;

/** The form's values for stored rights (`right_<module>` selects and the checkbox rights). */
export function rightsFormValues(rights: EmployeeRights | null | undefined): Record<string, string> {
  return {
    ...Object.fromEntries(moduleKeys.map((m) => [`right_${m}`, rights?.[m] ?? 'none'])),
    ...Object.fromEntries(extraRightKeys.map((k) => [`flag_${k}`, rights?.[k] ? 'on' : ''])),
  };
}
