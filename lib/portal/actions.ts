'use server';

import { clientAction } from '../actions/define';
import { updateOwnProfile } from './profile';
import { ownProfileSchema } from './schemas';

/** PROFIL speichern by the client (only with the write right on PROFIL, checked in updateOwnProfile). */
export const updateOwnProfileAction = clientAction({
  name: 'portal.profile',
  schema: ownProfileSchema,
  run: updateOwnProfile,
  revalidate: () => '/portal/profile',
  echo: 'always',
});
