'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { echoValues, type FormState } from '../actions/result';
import { advisorAction } from '../actions/wrap';
import { db } from '../db/client';
import { uuidField } from '../forms/fields';
import { deleteContact, setArchived } from '.';

const deleteSchema = z.object({ id: uuidField, confirmName: z.string().max(200, 'Höchstens 200 Zeichen.').optional().default('') });
const archiveSchema = z.object({ id: uuidField, archived: z.enum(['true', 'false']) });

/** KONTAKT LÖSCHEN after typing the name → KONTAKTÜBERSICHT. */
export async function deleteContactAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await advisorAction<typeof deleteSchema, undefined>('privacy.delete', deleteSchema, formData, async ({ actor, input }) => {
    await deleteContact(db(), actor.tenant, actor.user, input.id, input.confirmName);
    redirect('/contacts?geloescht=1');
  });
  return { ...result, values: echoValues(formData) };
}

/** ARCHIVIEREN / wieder aktivieren. */
export async function archiveContactAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return advisorAction('privacy.archive', archiveSchema, formData, async ({ actor, input }) => {
    await setArchived(db(), actor.tenant, actor.user, input.id, input.archived === 'true');
    revalidatePath(`/contacts/${input.id}`);
    return { ok: true, data: undefined };
  });
}
