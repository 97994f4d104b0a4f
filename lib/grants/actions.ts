'use server';

import { advisorAction } from '../actions/define';
import { saveGrants } from './save';
import { saveGrantsSchema } from './schemas';

/** FREIGABEN ERTEILEN → SPEICHERN (rights checked again in saveGrants). */
export const saveGrantsAction = advisorAction({
  name: 'grants.save',
  schema: saveGrantsSchema,
  run: saveGrants,
  revalidate: (input) => `/contacts/${input.contactId}`,
});
