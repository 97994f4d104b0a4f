'use server';

import { advisorAction } from '../actions/define';
import { setArchived } from './archive';
import { deleteContact } from './delete';
import { archiveContactSchema, deleteContactSchema } from './schemas';

/** KONTAKT LÖSCHEN after typing the name → KONTAKTÜBERSICHT (rights checked in deleteContact). */
export const deleteContactAction = advisorAction({
  name: 'privacy.delete',
  schema: deleteContactSchema,
  run: deleteContact,
  echo: 'always',
  redirect: () => '/contacts?geloescht=1',
});

/** ARCHIVIEREN / WIEDER AKTIVIEREN. */
export const archiveContactAction = advisorAction({
  name: 'privacy.archive',
  schema: archiveContactSchema,
  run: setArchived,
  revalidate: (input) => `/contacts/${input.contactId}`,
});
