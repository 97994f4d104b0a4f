'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { advisorAction } from '../actions/wrap';
import { echoValues, type ActionResult, type FormState } from '../actions/result';
import { db } from '../db/client';
import { saveColors, saveRichText } from '.';
import { finalizeBrandingUpload, removeBranding, requestBrandingUpload } from './branding';
import { saveFrameOrigins } from './embed';

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

const kindSchema = z.enum(['logo', 'favicon']);

/** LOGO / FAVICON upload, step 1: a presigned POST for the browser (admins only). */
export async function requestBrandingUploadAction(input: { kind: string; contentType: string; size: number }): Promise<ActionResult<{ url: string; fields: Record<string, string>; key: string }>> {
  const form = new FormData();
  form.set('kind', String(input.kind));
  form.set('contentType', String(input.contentType).slice(0, 100));
  form.set('size', String(Number(input.size) || 0));
  const schema = z.object({ kind: kindSchema, contentType: z.string(), size: z.coerce.number().int().min(1, 'Die Datei ist leer.') });
  return advisorAction('settings.branding.presign', schema, form, async ({ actor, input: i }) => ({
    ok: true,
    data: await requestBrandingUpload(actor.tenant.id, actor.user, i.kind, i.contentType, i.size),
  }));
}

/** Step 2: verify, re-encode and publish the uploaded file. */
export async function finalizeBrandingUploadAction(input: { kind: string; key: string }): Promise<ActionResult<{ version: number }>> {
  const form = new FormData();
  form.set('kind', String(input.kind));
  form.set('key', String(input.key).slice(0, 300));
  return advisorAction('settings.branding.finalize', z.object({ kind: kindSchema, key: z.string() }), form, async ({ actor, input: i }) => {
    const result = await finalizeBrandingUpload(db(), actor.tenant.id, actor.user, i.kind, i.key);
    revalidatePath('/', 'layout');
    return { ok: true, data: result };
  });
}

export async function removeBrandingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return advisorAction('settings.branding.remove', z.object({ kind: kindSchema }), formData, async ({ actor, input }) => {
    await removeBranding(db(), actor.tenant.id, actor.user, input.kind);
    revalidatePath('/', 'layout');
    return { ok: true, data: undefined };
  });
}

/** "Auf Ihrer Website einbinden": the websites allowed to frame the login card. */
export async function saveFrameOriginsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await advisorAction('settings.embed', z.object({ origins: z.string().max(5000, 'Zu viele Einträge.') }), formData, async ({ actor, input }) => {
    await saveFrameOrigins(db(), actor.tenant.id, actor.user, input.origins);
    revalidatePath('/settings/website');
    return { ok: true, data: undefined };
  });
  return { ...result, values: echoValues(formData) };
}
