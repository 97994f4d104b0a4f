/**
 * The catalog parts the client components of a folder area need (AddDocument with its lazily loaded upload
 * form, the delete dialog of DocumentList): a page passes these to ClientMessages instead of whole namespaces.
 * On the area pages that was 14 of the payload's KB (the whole `contracts` catalog, 8 KB, for one dialog).
 */
export const documentClientMessages = [
  'documents.add',
  'documents.form',
  'documents.types',
  'uploads.picker',
  'uploads.errors',
  'contracts.confirm',
] as const;
