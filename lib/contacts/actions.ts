'use server';

import { advisorAction } from '../actions/define';
import { createContactAccount, sendRegistrationMail } from './account';
import { bulkAccountSchema, createAccountsInBulk } from './bulk-account';
import { createContact } from './create';
import { contactIdSchema, contactSchema, updateContactSchema } from './schemas';
import { updateContact } from './update';

/** KONTAKT ERSTELLEN → SPEICHERN → KONTAKTÜBERSICHT with the new contact highlighted. */
export const createContactAction = advisorAction({
  name: 'contacts.create',
  schema: contactSchema,
  run: createContact,
  redirect: (_input, { id }) => `/contacts?neu=${id}`,
});

/** Stammdaten speichern (the form keeps its values: echoed always). */
export const updateContactAction = advisorAction({
  name: 'contacts.update',
  schema: updateContactSchema,
  run: updateContact,
  revalidate: (input) => `/contacts/${input.id}`,
  echo: 'always',
});

/** BENUTZERKONTO ERSTELLEN (after the confirmation dialog). */
export const createContactAccountAction = advisorAction({
  name: 'contacts.account',
  schema: contactIdSchema,
  run: createContactAccount,
  revalidate: (input) => `/contacts/${input.id}`,
  echo: 'never',
});

/** REGISTRIERUNGSMAIL VERSCHICKEN (PASSWORT-MAIL #1). */
export const sendRegistrationAction = advisorAction({
  name: 'contacts.registration',
  schema: contactIdSchema,
  run: sendRegistrationMail,
  revalidate: (input) => `/contacts/${input.id}`,
  echo: 'never',
});

/** KONTAKTÜBERSICHT → BENUTZERKONTO ERSTELLEN + REGISTRIERUNGSMAIL for the selected (or all filtered) contacts. */
export const bulkAccountAction = advisorAction({
  name: 'contacts.bulkAccount',
  schema: bulkAccountSchema,
  run: createAccountsInBulk,
  revalidate: () => '/contacts',
});
