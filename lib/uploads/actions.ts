'use server';

import { sessionCall } from '../actions/define';
import { checkUpload, discardUpload } from './check';
import { uploadRefSchema } from './schemas';

/**
 * Steps 2 and × of every upload, for client components (object input). Step 1 – presigning – is the
 * domain's own call, because the right to upload is the domain's: documents (folder place), WHITELABEL
 * (admins), support (employees).
 */
export const checkUploadAction = sessionCall({ name: 'uploads.check', schema: uploadRefSchema, run: checkUpload });
export const discardUploadAction = sessionCall({
  name: 'uploads.discard',
  schema: uploadRefSchema,
  run: discardUpload,
});
