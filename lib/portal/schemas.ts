import { z } from 'zod';
import { optionalText, phoneField, zipField } from '../forms/fields';

/** What a client may change in PROFIL (name, birth date and e-mail stay with the advisor). */
export const ownProfileSchema = z.object({
  phone: phoneField,
  mobile: phoneField,
  street: optionalText(120),
  zip: zipField,
  city: optionalText(80),
});
export type OwnProfileInput = z.output<typeof ownProfileSchema>;
