'use server';

import { advisorAction, advisorCall } from '../actions/define';
import { presignScreenshot } from './presign';
import { screenshotPresignSchema, supportSchema } from './schemas';
import { submitSupport } from './submit';

/** Screenshot for "Anliegen mitteilen", step 1: a presigned POST (employees of this tenant). */
export const requestScreenshotUploadAction = advisorCall({
  name: 'support.presign',
  schema: screenshotPresignSchema,
  run: presignScreenshot,
});

/** "Anliegen mitteilen" → SENDEN. */
export const submitSupportAction = advisorAction({
  name: 'support.submit',
  schema: supportSchema,
  run: submitSupport,
  echo: 'always',
});
