import { DomainError } from '../errors';
import type { MessageKey } from '../i18n';
import type { VerifyResult } from '../storage';
import { uploadPurposes, type PurposeRules, type UploadPurpose } from './purposes';

export type RejectReason = Extract<VerifyResult, { ok: false }>['reason'];

/** The catalog key for a refused file of this purpose. */
export function reasonKey(purpose: UploadPurpose, reason: RejectReason): MessageKey {
  const messages: PurposeRules['messages'] = uploadPurposes[purpose].messages;
  if (reason === 'too-large') return messages.size;
  if (reason === 'type') return messages.type;
  return reason === 'empty'
    ? (messages.empty ?? 'uploads.errors.empty')
    : (messages.missing ?? 'uploads.errors.missing');
}

/** A file refused by its declared or real type/size: `file_rejected`, the reason in `detail`. */
export function fileRejected(purpose: UploadPurpose, reason: RejectReason, field = 'file'): DomainError {
  return new DomainError('file_rejected', reasonKey(purpose, reason), { field, detail: { reason } });
}

/** An upload id that is not the actor's (another account's, swept, or already used). */
export const unknownUpload = (field = 'uploads') => new DomainError('invalid', 'uploads.errors.unknown', { field });
