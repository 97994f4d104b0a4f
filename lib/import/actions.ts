'use server';

import { advisorAction, advisorCall } from '../actions/define';
import { createImport, presignImport } from './jobs';
import { applyImport, cancelImport, decideRow, excludeRow, startCheck, undoImport } from './review';
import {
  createImportSchema,
  decideSchema,
  excludeSchema,
  jobIdSchema,
  mappingSchema,
  presignImportSchema,
} from './schemas';

const jobPath = (input: { id: string }) => `/contacts/import/${input.id}`;

/** HOCHLADEN, step 1: the presigned POST (the bytes go straight to S3). */
export const presignImportAction = advisorCall({
  name: 'import.presign',
  schema: presignImportSchema,
  run: presignImport,
});
/** HOCHLADEN, step 2: the checked upload becomes a job. */
export const createImportAction = advisorCall({ name: 'import.create', schema: createImportSchema, run: createImport });

export const startCheckAction = advisorAction({
  name: 'import.check',
  schema: mappingSchema,
  run: startCheck,
  revalidate: jobPath,
});
export const excludeRowAction = advisorAction({
  name: 'import.exclude',
  schema: excludeSchema,
  run: excludeRow,
  revalidate: jobPath,
});
export const decideRowAction = advisorAction({
  name: 'import.decide',
  schema: decideSchema,
  run: decideRow,
  revalidate: jobPath,
});
export const applyImportAction = advisorAction({
  name: 'import.apply',
  schema: jobIdSchema,
  run: applyImport,
  revalidate: jobPath,
});
export const undoImportAction = advisorAction({
  name: 'import.undo',
  schema: jobIdSchema,
  run: undoImport,
  revalidate: jobPath,
});
export const cancelImportAction = advisorAction({
  name: 'import.cancel',
  schema: jobIdSchema,
  run: cancelImport,
  revalidate: jobPath,
});
