'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { advisorAction } from '../actions/wrap';
import { echoValues, type FormState } from '../actions/result';
import { db } from '../db/client';
import { uuidField } from '../forms/fields';
import { createEmployee, employeeSchema, resendInvitation, setEmployeeLocked, updateEmployee } from './employees';

const idSchema = z.object({ id: uuidField });

/** BENUTZER ERSTELLEN → SPEICHERN (admins only, checked again in createEmployee). */
export async function createEmployeeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await advisorAction<typeof employeeSchema, undefined>('users.create', employeeSchema, formData, async ({ actor, input }) => {
    const { id } = await createEmployee(db(), actor.tenant, actor.user, input);
    redirect(`/users?neu=${id}`);
  });
  return { ...result, values: echoValues(formData) };
}

export async function updateEmployeeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const schema = z.intersection(idSchema, employeeSchema);
  const result = await advisorAction('users.update', schema, formData, async ({ actor, input }) => {
    await updateEmployee(db(), actor.tenant, actor.user, input.id, input);
    revalidatePath(`/users/${input.id}`);
    return { ok: true, data: undefined };
  });
  return { ...result, values: echoValues(formData) };
}

export async function lockEmployeeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return advisorAction('users.lock', idSchema.extend({ locked: z.enum(['true', 'false']) }), formData, async ({ actor, input }) => {
    await setEmployeeLocked(db(), actor.tenant, actor.user, input.id, input.locked === 'true');
    revalidatePath(`/users/${input.id}`);
    return { ok: true, data: undefined };
  });
}

export async function resendInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return advisorAction('users.resend', idSchema, formData, async ({ actor, input }) => {
    await resendInvitation(db(), actor.tenant, actor.user, input.id);
    revalidatePath(`/users/${input.id}`);
    return { ok: true, data: undefined };
  });
}
