'use server';

import { revalidatePath } from 'next/cache';
import { clientAction } from '../actions/wrap';
import { echoValues, type FormState } from '../actions/result';
import { db } from '../db/client';
import { ownProfileSchema, updateOwnProfile } from './profile';

/** PROFIL speichern by the client (only with the write right on PROFIL, checked in updateOwnProfile). */
export async function updateOwnProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await clientAction<typeof ownProfileSchema, undefined>('portal.profile', ownProfileSchema, formData, async ({ actor, input }) => {
    await updateOwnProfile(db(), actor.tenant.id, actor.user, input);
    revalidatePath('/portal/profile');
    return { ok: true, data: undefined };
  });
  return { ...result, values: echoValues(formData) };
}
