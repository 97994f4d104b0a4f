'use server';

import { revalidatePath } from 'next/cache';
import { advisorAction, advisorCall } from '../actions/define';
import { finalizeBrandingUpload, presignBrandingUpload, removeBranding } from './branding';
import { brandingFinalizeSchema, brandingPresignSchema, brandingRemoveSchema } from './schemas';

/* LOGO / FAVICON through the one upload pipeline (lib/uploads): presign, then claim + re-encode + publish. */

/** Step 1: a presigned POST for the browser (admins only). */
export const requestBrandingUploadAction = advisorCall({
  name: 'settings.branding.presign',
  schema: brandingPresignSchema,
  run: presignBrandingUpload,
});

/** Step 2: verify, re-encode and publish the uploaded file (the logo shows on every page). */
export const finalizeBrandingUploadAction = advisorCall({
  name: 'settings.branding.finalize',
  schema: brandingFinalizeSchema,
  run: async (ctx, i) => {
    const result = await finalizeBrandingUpload(ctx, i);
    revalidatePath('/', 'layout');
    return result;
  },
});

export const removeBrandingAction = advisorAction({
  name: 'settings.branding.remove',
  schema: brandingRemoveSchema,
  run: async (ctx, i) => {
    await removeBranding(ctx, i);
    revalidatePath('/', 'layout');
    return undefined;
  },
});
