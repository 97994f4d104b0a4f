'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { advisorAction } from '../actions/wrap';
import { echoValues, type FormState } from '../actions/result';
import { db } from '../db/client';
import { saveColors, saveRichText } from '.';

const hex = z.string().trim().regex(/^#[0-9a-fA-F]{6}$/, 'Bitte geben Sie die Farbe als #rrggbb an, z. B. #0b4f6c.');

/** IMPRESSUM / E-MAIL-SIGNATUR SPEICHERN (admins only; checked again in saveRichText). */
export async function saveRichTextAction(_prev: FormState<{ empty: boolean }>, formData: FormData): Promise<FormState<{ empty: boolean }>> {
  const schema = z.object({ kind: z.enum(['impressum', 'signature']), content: z.string().max(100_000, 'Der Text ist zu lang (höchstens 20 kB).') });
  return advisorAction('settings.richtext', schema, formData, async ({ actor, input }) => {
    const result = await saveRichText(db(), actor.tenant.id, actor.user, input.kind, input.content);
    revalidatePath('/impressum');
    return { ok: true, data: result };
  });
}

/** WHITELABEL: HAUPTFARBE, ZWEITFARBE, ERSTE SCHRIFTFARBE – or "Zurücksetzen" to the defaults. */
export async function saveColorsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const reset = formData.get('intent') === 'reset';
  const schema = reset ? z.object({}).passthrough() : z.object({ primary: hex, secondary: hex, font: hex }).passthrough();
  const result = await advisorAction('settings.colors', schema, formData, async ({ actor, input }) => {
    const colors = reset ? ('reset' as const) : { primary: String(input.primary), secondary: String(input.secondary), font: String(input.font) };
    await saveColors(db(), actor.tenant.id, actor.user, colors);
    revalidatePath('/', 'layout');
    return { ok: true, data: undefined };
  });
  return { ...result, values: reset ? undefined : echoValues(formData) };
}
