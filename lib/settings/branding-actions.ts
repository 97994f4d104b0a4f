'use server';

import { revalidatePath } from 'next/cache';
import { advisorAction, advisorCall } from '../actions/define';
import type { Db } from '../db/client';
import { finalizeBrandingUpload, removeBranding, requestBrandingUpload } from './branding';
import { brandingFinalizeSchema, brandingPresignSchema, brandingRemoveSchema } from './schemas';

/*
 * LOGO / FAVICON. The verbs in ./branding.ts still take (db, tenantId, actor, …): they move onto the one
 * upload pipeline next, and these adapters then become `run: verb`.
 */

/** Step 1: a presigned POST for the browser (admins only). */
export const requestBrandingUploadAction = advisorCall({
  name: 'settings.branding.presign',
  schema: brandingPresignSchema,
  run: (ctx, i) => requestBrandingUpload(ctx.tenant.id, ctx.actor, i.kind, i.contentType, i.size),
});

/** Step 2: verify, re-encode and publish the uploaded file (the logo shows on every page). */
export const finalizeBrandingUploadAction = advisorCall({
  name: 'settings.branding.finalize',
  schema: brandingFinalizeSchema,
  run: async (ctx, i) => {
    const result = await finalizeBrandingUpload(ctx.db as Db, ctx.tenant.id, ctx.actor, i.kind, i.key);
    revalidatePath('/', 'layout');
    return result;
  },
});

export const removeBrandingAction = advisorAction({
  name: 'settings.branding.remove',
  schema: brandingRemoveSchema,
  run: async (ctx, i) => {
    await removeBranding(ctx.db as Db, ctx.tenant.id, ctx.actor, i.kind);
    revalidatePath('/', 'layout');
    return undefined;
  },
});
