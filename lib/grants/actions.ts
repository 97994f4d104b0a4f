'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { advisorAction } from '../actions/wrap';
import type { FormState } from '../actions/result';
import { db } from '../db/client';
import { uuidField } from '../forms/fields';
import { grantsFormSchema, saveGrants } from '.';

/** FREIGABEN ERTEILEN → SPEICHERN (rights checked again in saveGrants). */
export async function saveGrantsAction(_prev: FormState<{ changed: number }>, formData: FormData): Promise<FormState<{ changed: number }>> {
  const id = uuidField.safeParse(formData.get('id'));
  if (!id.success) return { ok: false, code: 'invalid', message: 'Ungültiger Kontakt.' };
  return advisorAction('grants.save', z.any().pipe(grantsFormSchema), formData, async ({ actor, input }) => {
    const result = await saveGrants(db(), actor.tenant.id, actor.user, id.data, input);
    revalidatePath(`/contacts/${id.data}`);
    return { ok: true, data: result };
  });
}
