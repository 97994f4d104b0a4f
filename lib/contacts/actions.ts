'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { advisorAction } from '../actions/wrap';
import { echoValues, type FormState } from '../actions/result';
import { db } from '../db/client';
import { uuidField } from '../forms/fields';
import { createContact, createContactAccount, sendRegistrationMail, updateContact } from './mutations';
import { contactSchema } from './schemas';

const idSchema = z.object({ id: uuidField });

/** KONTAKT ERSTELLEN → SPEICHERN → KONTAKTÜBERSICHT with the new contact highlighted. */
export async function createContactAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await advisorAction<typeof contactSchema, undefined>('contacts.create', contactSchema, formData, async ({ actor, input }) => {
    const { id } = await createContact(db(), actor.tenant, actor.user, input);
    redirect(`/contacts?neu=${id}`);
  });
  return { ...result, values: echoValues(formData) };
}

export async function updateContactAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await advisorAction('contacts.update', z.intersection(idSchema, contactSchema), formData, async ({ actor, input }) => {
    await updateContact(db(), actor.tenant, actor.user, input.id, input);
    revalidatePath(`/contacts/${input.id}`);
    return { ok: true, data: undefined };
  });
  return { ...result, values: echoValues(formData) };
}

/** BENUTZERKONTO ERSTELLEN (after the confirmation dialog). */
export async function createContactAccountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return advisorAction('contacts.account', idSchema, formData, async ({ actor, input }) => {
    await createContactAccount(db(), actor.tenant, actor.user, input.id);
    revalidatePath(`/contacts/${input.id}`);
    return { ok: true, data: undefined };
  });
}

/** REGISTRIERUNGSMAIL VERSCHICKEN (PASSWORT-MAIL #1). */
export async function sendRegistrationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return advisorAction('contacts.registration', idSchema, formData, async ({ actor, input }) => {
    await sendRegistrationMail(db(), actor.tenant, actor.user, input.id);
    revalidatePath(`/contacts/${input.id}`);
    return { ok: true, data: undefined };
  });
}
