'use server';

import { z } from 'zod';
import { advisorAction } from '../actions/wrap';
import { echoValues, type ActionResult, type FormState } from '../actions/result';
import { db } from '../db/client';
import { requestScreenshotUpload, submitSupport, supportSchema } from '.';

/** Screenshot for "Anliegen mitteilen", step 1: a presigned POST (employees of this tenant). */
export async function requestScreenshotUploadAction(input: { contentType: string; size: number }): Promise<ActionResult<{ url: string; fields: Record<string, string>; key: string }>> {
  const form = new FormData();
  form.set('contentType', String(input.contentType).slice(0, 100));
  form.set('size', String(Number(input.size) || 0));
  return advisorAction('support.presign', z.object({ contentType: z.string(), size: z.coerce.number().int() }), form, async ({ actor, input: i }) => ({
    ok: true,
    data: await requestScreenshotUpload(actor.tenant.id, actor.user, i.contentType, i.size),
  }));
}

/** "Anliegen mitteilen" → SENDEN. */
export async function submitSupportAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await advisorAction<typeof supportSchema, undefined>('support.submit', supportSchema, formData, async ({ actor, input }) => {
    await submitSupport(db(), actor.tenant, actor.user, input);
    return { ok: true, data: undefined };
  });
  return { ...result, values: echoValues(formData) };
}
