import { S3Client } from '@aws-sdk/client-s3';
import { env } from '../env';

const globalRef = globalThis as unknown as { __mappeS3?: S3Client };

export function createS3Client(options: {
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}): S3Client {
  return new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials:
      options.accessKeyId && options.secretAccessKey
        ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
        : undefined,
    // s3rver (and several S3-compatible stores) corrupt streamed bodies with the SDK's default CRC32 trailers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

export function s3(): S3Client {
  const e = env();
  globalRef.__mappeS3 ??= createS3Client({
    endpoint: e.S3_ENDPOINT,
    region: e.S3_REGION,
    accessKeyId: e.S3_ACCESS_KEY_ID,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
  });
  return globalRef.__mappeS3;
}

export function bucket(): string {
  return env().S3_BUCKET;
}
