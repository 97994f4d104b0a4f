export { bucket, createS3Client, s3 } from './client';
export { keyBelongsTo, objectKey } from './keys';
export * from './files';
