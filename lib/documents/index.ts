/** The documents domain, verb by verb (folder places, DOKUMENT HINZUFÜGEN, files). */
export { createDocument } from './create';
export { deleteDocument } from './delete';
export { listDocuments, type DocumentListItem, type DocumentPlace } from './list';
export { openFile, type OpenedFile } from './open';
export { presignDocumentUpload, type DocumentUploadInput } from './presign';
export { resolveTarget, type UploadTarget } from './place';
export { documentSchema, documentUploadSchema, type DocumentInput } from './schemas';
export { checkUpload, discardUpload, sweepUploads, withExtension } from '../uploads';
