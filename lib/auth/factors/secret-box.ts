import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { env } from '../../env';

/**
 * Secrets at rest (TOTP secrets) in AES-256-GCM, and the pepper of recovery-code hashes. Both keys come
 * from MAPPE_SECRET_KEY, else from AUTH_SECRET, through HKDF-SHA256 with separate labels.
 */
function master(): string {
  const e = env();
  const key = e.MAPPE_SECRET_KEY ?? e.AUTH_SECRET;
  if (!key) throw new Error('MAPPE_SECRET_KEY or AUTH_SECRET is required for second factors');
  return key;
}

function derive(label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master(), 'mappe', label, 32));
}

/** `v1.<iv>.<tag>.<ciphertext>` (base64url); the additional data binds the box to its owner. */
export function seal(plain: string, owner: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derive('secret-box.v1'), iv);
  cipher.setAAD(Buffer.from(owner));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function open(sealed: string, owner: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('secret-box: unknown format');
  const decipher = createDecipheriv('aes-256-gcm', derive('secret-box.v1'), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(owner));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/** A keyed SHA-256 (HMAC) with the pepper: a leaked table alone does not allow offline guessing. */
export function pepperedHash(value: string): string {
  return createHmac('sha256', derive('recovery-pepper.v1')).update(value).digest('hex');
}
