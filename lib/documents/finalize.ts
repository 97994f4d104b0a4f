/** Moved to lib/uploads (the one upload pipeline); this re-export goes once lib/tickets imports from there. */
export { claimUploads, consumeUploads, dropUploadObjects, releaseClaimed, type ClaimedFile } from '../uploads/claim';
