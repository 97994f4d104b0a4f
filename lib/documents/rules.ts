import type { MessageKey } from '../i18n';
import { uploadLimits, uploadPurposes } from '../uploads/purposes';

export { cleanFilename, formatSize, previewable } from '../uploads/names';

/** What a document file may be (SPEC §4): checked in the browser for comfort, on the server by the bytes. */
export const documentUpload = {
  maxBytes: uploadPurposes.documents.maxBytes,
  /** Types of the real bytes (magic numbers), as file-type reports them. */
  types: uploadPurposes.documents.types as readonly string[],
  /** File-name endings the file chooser offers. */
  accept:
    '.pdf,.jpg,.jpeg,.png,.webp,.heic,.heif,application/pdf,image/jpeg,image/png,image/webp,image/heic,image/heif',
  maxPending: uploadLimits.maxPending,
  sweepAfterHours: uploadLimits.sweepAfterHours,
  /** Photos are scaled in the browser to this long edge before the upload. */
  maxImageEdge: 2560,
} as const;

/** The catalog keys of the upload messages the picker shows before and after a file's check. */
export const uploadMessageKeys = {
  type: 'uploads.errors.documentType',
  size: 'uploads.errors.documentSize',
  empty: 'uploads.errors.empty',
  missing: 'uploads.errors.missing',
  unknown: 'uploads.errors.unknown',
} as const;

/** Document types of DOKUMENT HINZUFÜGEN: the stored values, each with the id of its label (`documents.types.<id>`). */
export const documentTypeIds = {
  Police: 'policy',
  Nachtrag: 'amendment',
  Beitragsrechnung: 'premiumInvoice',
  Schadenmeldung: 'claim',
  Korrespondenz: 'correspondence',
  Vollmacht: 'powerOfAttorney',
  Maklervertrag: 'brokerContract',
  Sonstiges: 'other',
} as const;
export type DocumentType = keyof typeof documentTypeIds;
export const documentTypes = Object.keys(documentTypeIds) as [DocumentType, ...DocumentType[]];

/** The label key of a stored type (older or unknown values: null, shown as stored). */
export const documentTypeKey = (v: string): MessageKey | null =>
  Object.hasOwn(documentTypeIds, v) ? (`documents.types.${documentTypeIds[v as DocumentType]}` as MessageKey) : null;
