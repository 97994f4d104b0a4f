/**
 * The one upload pipeline (documents, KOMMUNIKATION attachments, LOGO/FAVICON, support screenshots):
 *   1. startUpload   – `uploads` row + presigned POST (the domain's presign verb checks its right first)
 *   2. checkUpload   – byte check on the row right after the browser's POST (feedback only)
 *   3. claimUploads  – server-side copy to a final key chosen here, bytes of the copy checked again
 *   4. consumeUploads – in the domain's writing transaction: rows used exactly once, quota reserved
 *   5. dropUploadObjects after the commit / releaseClaimed after a failure
 *   sweepUploads (job) removes what was never finalised, of every purpose.
 * No domain is imported here: every domain may use this folder.
 */
export { checkDeclared, startUpload, type PresignedUpload, type StartUploadInput } from './start';
export { checkUpload, discardUpload, ownUpload, type CheckResult, type UploadRef } from './check';
export {
  claimUploads,
  consumeUploads,
  dropUploadObjects,
  releaseClaimed,
  type ClaimedFile,
  type ClaimOptions,
} from './claim';
export { deleteObjectsQuietly } from './objects';
export { reserveQuota, storageQuota, type QuotaOwner } from './quota';
export { sweepUploads } from './sweep';
export { cleanFilename, formatSize, previewable, withExtension } from './names';
export { documentTypes, normaliseType, uploadLimits, uploadPurposes, type UploadPurpose } from './purposes';
export { fileRejected, reasonKey, unknownUpload } from './errors';
