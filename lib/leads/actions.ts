'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { advisorAction, publicAction } from '../actions/wrap';
import { echoValues, type FormState } from '../actions/result';
import { db } from '../db/client';
import { serverEnv } from '../env';
import { uuidField } from '../forms/fields';
import { clientIp } from '../tenant/request-ip';
import { acceptLead, leadSchema, submitLead } from '.';

/** "Kunde werden / Kontakt aufnehmen" on the public page (tenant from the host; bots kept out in submitLead). */
export async function submitLeadAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const ip = clientIp(await headers());
  const result = await publicAction<typeof leadSchema, undefined>('lead.submit', leadSchema, formData, async ({ tenant, input }) => {
    await submitLead(db(), tenant, input, { ip, secret: serverEnv().AUTH_SECRET });
    return { ok: true, data: undefined };
  });
  return { ...result, values: echoValues(formData) };
}

/** ALS KUNDEN ÜBERNEHMEN on the contact page. */
export async function acceptLeadAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return advisorAction('lead.accept', z.object({ id: uuidField }), formData, async ({ actor, input }) => {
    await acceptLead(db(), actor.tenant.id, actor.user, input.id);
    revalidatePath(`/contacts/${input.id}`);
    return { ok: true, data: undefined };
  });
}
