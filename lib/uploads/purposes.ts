/**
 * What each kind of upload may be. One pipeline (lib/uploads) serves them all: an `uploads` row and a
 * presigned POST, the byte check, a server-side copy to a key chosen here, the rows in one transaction.
 * The limits are checked three times: in the browser for comfort, at presigning (declared type and size),
 * and on the bytes of the copy (magic number, real size).
 */
import type { MessageKey } from '../i18n';

export const documentTypes = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
] as const;

export interface PurposeRules {
  maxBytes: number;
  /** Types of the real bytes (magic numbers), as file-type reports them. */
  types: readonly string[];
  /** The key prefix the checked copy is stored under (tenants/<id>/<area>/<uuid>). */
  area: string;
  /** The catalog keys of the refusals for this purpose (the German texts differ); empty/missing default to the general ones. */
  messages: { type: MessageKey; size: MessageKey; empty?: MessageKey; missing?: MessageKey };
}

const documentRules = {
  maxBytes: 20 * 1024 * 1024,
  types: documentTypes,
  messages: { type: 'uploads.errors.documentType', size: 'uploads.errors.documentSize' },
} as const;

export const uploadPurposes = {
  /** DOKUMENT HINZUFÜGEN (folder areas and PROFIL). */
  documents: { ...documentRules, area: 'documents' },
  /** Attachments of KOMMUNIKATION messages: the same files as documents. */
  tickets: { ...documentRules, area: 'tickets' },
  /** WHITELABEL → LOGO: never SVG (script risk); re-encoded on the server. */
  logo: {
    maxBytes: 2 * 1024 * 1024,
    types: ['image/png', 'image/jpeg', 'image/webp'],
    area: 'branding',
    messages: {
      type: 'uploads.errors.logoType',
      size: 'uploads.errors.brandingSize',
      empty: 'uploads.errors.logoType',
      missing: 'uploads.errors.brandingMissing',
    },
  },
  /** WHITELABEL → FAVICON: PNG (re-encoded, square) or ICO. */
  favicon: {
    maxBytes: 2 * 1024 * 1024,
    types: ['image/png', 'image/x-icon'],
    area: 'branding',
    messages: {
      type: 'uploads.errors.faviconType',
      size: 'uploads.errors.brandingSize',
      empty: 'uploads.errors.faviconType',
      missing: 'uploads.errors.brandingMissing',
    },
  },
  /** "Anliegen mitteilen": screenshots for the operator. */
  support: {
    maxBytes: 5 * 1024 * 1024,
    types: ['image/png', 'image/jpeg', 'image/webp'],
    area: 'support',
    messages: {
      type: 'uploads.errors.screenshotType',
      size: 'uploads.errors.screenshotSize',
      empty: 'uploads.errors.screenshotType',
      missing: 'uploads.errors.screenshotType',
    },
  },
  /** IMPORTIEREN: CSV/GDV text, Excel workbooks and ZIP archives of them; read streaming by the worker. */
  import: {
    maxBytes: 100 * 1024 * 1024,
    types: ['text/plain', 'application/zip', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    area: 'imports',
    messages: { type: 'uploads.errors.importType', size: 'uploads.errors.importSize' },
  },
} as const satisfies Record<string, PurposeRules>;

export type UploadPurpose = keyof typeof uploadPurposes;
export const purposeNames = Object.keys(uploadPurposes) as UploadPurpose[];

export const uploadLimits = {
  /** Open uploads per account at one time (each holds storage until finalised or swept). */
  maxPending: 60,
  /** Unfinished uploads are swept after this. */
  sweepAfterHours: 24,
} as const;

/** Browsers name ICO files differently; the stored and checked type is image/x-icon. */
export function normaliseType(contentType: string): string {
  if (contentType === 'image/vnd.microsoft.icon') return 'image/x-icon';
  // Text tables and GDV files: browsers (and Windows) name them in many ways, or not at all.
  if (textTypes.has(contentType)) return 'text/plain';
  if (contentType === 'application/x-zip-compressed') return 'application/zip';
  return contentType;
}

const textTypes = new Set([
  '',
  'text/csv',
  'application/csv',
  'text/tab-separated-values',
  'application/vnd.ms-excel',
  'application/octet-stream',
]);
