'use server';

import { sessionAction, sessionCall } from '../actions/define';
import { createDocument } from './create';
import { deleteDocument } from './delete';
import { placePath } from './paths';
import { presignDocumentUpload } from './presign';
import { documentSchema, documentUploadSchema, idSchema } from './schemas';

/** Step 1 of a folder upload or a KOMMUNIKATION attachment: the presigned POST (object input). */
export const presignDocumentUploadAction = sessionCall({
  name: 'documents.presign',
  schema: documentUploadSchema,
  run: presignDocumentUpload,
});

/** DOKUMENT HINZUFÜGEN → SPEICHERN, after the files went to S3 and were checked. */
export const createDocumentAction = sessionAction({
  name: 'documents.create',
  schema: documentSchema,
  run: createDocument,
  revalidate: (input, data, ctx) => placePath(ctx.actor, data.contactId, input.area, input.contractId),
  // A saved form starts empty again; a refused one keeps what was typed.
  echo: 'failure',
});

export const deleteDocumentAction = sessionAction({
  name: 'documents.delete',
  schema: idSchema,
  run: deleteDocument,
  revalidate: (_input, data, ctx) => placePath(ctx.actor, data.contactId, data.area, data.contractId),
});
