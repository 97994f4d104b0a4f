import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { createPresignedPost, type PresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { fileTypeFromBuffer } from 'file-type';
import { bucket, s3 } from './client';
import { keyBelongsTo } from './keys';
import { isOutage } from '../outage';

export const uploadPolicy = { expiresSeconds: 300, downloadSeconds: 60 } as const;

/** Types a broker's clients upload: scans, photos from the phone camera. Checked by magic bytes. */
export const documentTypes = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
] as const;

function assertTenantKey(key: string, tenantId: string): void {
  if (!keyBelongsTo(key, tenantId)) throw new Error('storage: key outside the tenant prefix');
}

/**
 * A presigned POST for a direct browser upload: key and content type pinned, size limited by the
 * policy (real S3 enforces it; verifyUpload checks again because s3rver does not).
 */
export async function presignUpload(input: {
  tenantId: string;
  key: string;
  contentType: string;
  maxBytes: number;
}): Promise<PresignedPost> {
  assertTenantKey(input.key, input.tenantId);
  return createPresignedPost(s3(), {
    Bucket: bucket(),
    Key: input.key,
    Conditions: [
      ['content-length-range', 1, input.maxBytes],
      ['eq', '$Content-Type', input.contentType],
    ],
    Fields: { 'Content-Type': input.contentType },
    Expires: uploadPolicy.expiresSeconds,
  });
}

export type VerifyResult =
  { ok: true; size: number; mime: string } | { ok: false; reason: 'missing' | 'empty' | 'too-large' | 'type' };

/**
 * After an upload: the object exists, its size is within the limit and its first bytes are one of the
 * allowed types. Objects that fail are deleted, so nothing unchecked stays in the bucket.
 */
export async function verifyUpload(input: {
  tenantId: string;
  key: string;
  maxBytes: number;
  allowed: readonly string[];
}): Promise<VerifyResult> {
  assertTenantKey(input.key, input.tenantId);
  let size: number;
  try {
    const head = await s3().send(new HeadObjectCommand({ Bucket: bucket(), Key: input.key }));
    size = head.ContentLength ?? 0;
  } catch (error) {
    // Storage down is not "the file has not arrived": the caller answers that the part is unavailable.
    if (isOutage(error)) throw error;
    return { ok: false, reason: 'missing' };
  }
  const reject = async (reason: 'empty' | 'too-large' | 'type'): Promise<VerifyResult> => {
    await deleteObject(input.tenantId, input.key);
    return { ok: false, reason };
  };
  if (size === 0) return reject('empty');
  if (size > input.maxBytes) return reject('too-large');
  const head = await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: input.key, Range: 'bytes=0-4099' }));
  const bytes = await head.Body!.transformToByteArray();
  const type = await fileTypeFromBuffer(bytes);
  if (!type && input.allowed.includes('text/plain') && !bytes.includes(0))
    return { ok: true, size, mime: 'text/plain' };
  if (!type || !input.allowed.includes(type.mime)) return reject('type');
  return { ok: true, size, mime: type.mime };
}

/** Server-side write (e.g. re-encoded logos, exports). */
export async function putObject(input: {
  tenantId: string;
  key: string;
  body: Uint8Array | string;
  contentType: string;
  cacheControl?: string;
}): Promise<void> {
  assertTenantKey(input.key, input.tenantId);
  await s3().send(
    new PutObjectCommand({
      Bucket: bucket(),
      Key: input.key,
      Body: input.body,
      ContentType: input.contentType,
      CacheControl: input.cacheControl,
    }),
  );
}

export async function getObjectBytes(tenantId: string, key: string): Promise<Uint8Array> {
  assertTenantKey(key, tenantId);
  const res = await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: key }));
  return res.Body!.transformToByteArray();
}

export async function deleteObject(tenantId: string, key: string): Promise<void> {
  assertTenantKey(key, tenantId);
  await s3().send(new DeleteObjectCommand({ Bucket: bucket(), Key: key }));
}

/** RFC 6266 attachment header; the file name cannot inject header syntax. */
export function contentDisposition(filename: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const clean = filename.replace(/[\r\n"\\]/g, '_').slice(0, 180) || 'dokument';
  const ascii = clean.replace(/[^\x20-\x7e]/g, '_');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(clean)}`;
}

/** A short-lived signed download URL (60 s), to be issued only after the caller's right was checked. */
export async function signedDownloadUrl(input: {
  tenantId: string;
  key: string;
  filename: string;
  contentType: string;
}): Promise<string> {
  assertTenantKey(input.key, input.tenantId);
  return getSignedUrl(
    s3(),
    new GetObjectCommand({
      Bucket: bucket(),
      Key: input.key,
      ResponseContentDisposition: contentDisposition(input.filename),
      ResponseContentType: input.contentType,
    }),
    { expiresIn: uploadPolicy.downloadSeconds },
  );
}

/** Server-side copy inside the bucket (no bytes through the app): moves a checked upload out of reach of its presigned POST. */
export async function copyObject(tenantId: string, fromKey: string, toKey: string): Promise<void> {
  assertTenantKey(fromKey, tenantId);
  assertTenantKey(toKey, tenantId);
  await s3().send(new CopyObjectCommand({ Bucket: bucket(), CopySource: `${bucket()}/${fromKey}`, Key: toKey }));
}

/** The object's body as a web stream (for authorised downloads; never buffered whole). */
export async function objectStream(
  tenantId: string,
  key: string,
  range?: string,
): Promise<{ body: ReadableStream; length: number | undefined; contentRange?: string }> {
  assertTenantKey(key, tenantId);
  const res = await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: key, Range: range }));
  return { body: res.Body!.transformToWebStream(), length: res.ContentLength, contentRange: res.ContentRange };
}

/** Every key under a prefix of the tenant (for tests, the export and the deletion of a client). */
export async function listKeys(tenantId: string, prefix: string): Promise<string[]> {
  assertTenantKey(prefix, tenantId);
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const res = await s3().send(
      new ListObjectsV2Command({ Bucket: bucket(), Prefix: prefix, ContinuationToken: token }),
    );
    for (const o of res.Contents ?? []) if (o.Key) keys.push(o.Key);
    token = res.IsTruncated ? res.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

/** The object's body as a Node stream (for ZIP exports; never buffered whole). */
export async function objectNodeStream(tenantId: string, key: string): Promise<import('node:stream').Readable> {
  assertTenantKey(key, tenantId);
  const res = await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: key }));
  return res.Body as import('node:stream').Readable;
}
