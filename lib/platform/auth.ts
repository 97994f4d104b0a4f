import { createHash, timingSafeEqual } from 'node:crypto';

export const platformUser = 'betreiber';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** HTTP Basic check for the operator area; constant-time, false when no password is configured. */
export function checkPlatformAuth(authorization: string | null | undefined, password: string | undefined): boolean {
  if (!password || !authorization?.startsWith('Basic ')) return false;
  let decoded: string;
  try {
    decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
  } catch {
    return false;
  }
  return timingSafeEqual(digest(decoded), digest(`${platformUser}:${password}`));
}
