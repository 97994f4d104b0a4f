'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { echoValues, type FormState } from '../actions/result';
import { advisorAction, sessionAction } from '../actions/wrap';
import type { SessionUser } from '../auth/sessions';
import { db } from '../db/client';
import type { DocumentArea } from '../db/schema';
import { createDocument, deleteDocument } from '../documents';
import { uuidField } from '../forms/fields';
import { createContract, deleteContract, updateContract } from '.';
import { addProvider, removeProvider } from './catalog';
import { contractSchema, documentSchema, idSchema, providerSchema } from './schemas';

/** Where a contract, an area or the contact's documents live for this user (advisor area or portal). */
function contractPath(user: Pick<SessionUser, 'kind'>, contactId: string, contractId: string): string {
  return user.kind === 'client' ? `/portal/contracts/${contractId}` : `/contacts/${contactId}/contracts/${contractId}`;
}
function placePath(user: Pick<SessionUser, 'kind'>, contactId: string, area: DocumentArea, contractId: string | null): string {
  if (contractId) return contractPath(user, contactId, contractId);
  if (user.kind === 'client') return area === 'profile' ? '/portal/profile' : `/portal/folder/${area}`;
  return area === 'profile' ? `/contacts/${contactId}` : `/contacts/${contactId}/folder/${area}`;
}

const createSchema = z.intersection(z.object({ contactId: uuidField.optional() }), contractSchema);
const updateSchema = z.intersection(z.object({ id: uuidField }), contractSchema);

/** VERTRAG HINZUFÜGEN → SPEICHERN (advisor for a contact, client for themselves) → the new contract. */
export async function createContractAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await sessionAction<typeof createSchema, undefined>('contracts.create', createSchema, formData, async ({ actor, input }) => {
    const contactId = actor.user.kind === 'client' ? actor.user.id : input.contactId;
    if (!contactId) return { ok: false, code: 'invalid', message: 'Kein Kontakt gewählt.' };
    const { id } = await createContract(db(), actor.tenant.id, actor.user, contactId, input);
    redirect(`${contractPath(actor.user, contactId, id)}?neu=1`);
  });
  return { ...result, values: echoValues(formData) };
}

export async function updateContractAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await sessionAction('contracts.update', updateSchema, formData, async ({ actor, input }) => {
    await updateContract(db(), actor.tenant.id, actor.user, input.id, input);
    revalidatePath('/', 'layout');
    return { ok: true, data: undefined };
  });
  return { ...result, values: echoValues(formData) };
}

/** Löschen after the confirmation dialog → back to the area. */
export async function deleteContractAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return sessionAction<typeof idSchema, undefined>('contracts.delete', idSchema, formData, async ({ actor, input }) => {
    const { contactId, area } = await deleteContract(db(), actor.tenant.id, actor.user, input.id);
    redirect(`${placePath(actor.user, contactId, area, null)}?geloescht=1`);
  });
}

/** DOKUMENT HINZUFÜGEN → SPEICHERN, after the files went to S3 and were checked. */
export async function createDocumentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await sessionAction('documents.create', documentSchema, formData, async ({ actor, input }) => {
    const { contactId } = await createDocument(db(), actor.tenant.id, actor.user, input);
    revalidatePath(placePath(actor.user, contactId, input.area, input.contractId));
    return { ok: true, data: undefined };
  });
  return { ...result, values: result.ok ? {} : echoValues(formData) };
}

export async function deleteDocumentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return sessionAction('documents.delete', idSchema, formData, async ({ actor, input }) => {
    const { contactId, contractId, area } = await deleteDocument(db(), actor.tenant.id, actor.user, input.id);
    revalidatePath(placePath(actor.user, contactId, area, contractId));
    return { ok: true, data: undefined };
  });
}

/** EINSTELLUNGEN → ANBIETER (admins). */
export async function addProviderAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await advisorAction('providers.add', providerSchema, formData, async ({ actor, input }) => {
    await addProvider(db(), actor.tenant.id, actor.user, input);
    revalidatePath('/settings/anbieter');
    return { ok: true, data: undefined };
  });
  return { ...result, values: result.ok ? { kind: String(formData.get('kind') ?? '') } : echoValues(formData) };
}

export async function removeProviderAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return advisorAction('providers.remove', idSchema, formData, async ({ actor, input }) => {
    await removeProvider(db(), actor.tenant.id, actor.user, input.id);
    revalidatePath('/settings/anbieter');
    return { ok: true, data: undefined };
  });
}
