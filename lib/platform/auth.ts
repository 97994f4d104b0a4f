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

/**
 * The local mailbox shows live activation and reset links: it exists only where DEV_MAILBOX is on and
 * opens only with the operator's credentials, on every host.
 */
export function mailboxAccess(
  authorization: string | null | undefined,
  config: { DEV_MAILBOX: boolean; PLATFORM_ADMIN_PASSWORD?: string },
): 'off' | 'login' | 'ok' {
  if (!config.DEV_MAILBOX) return 'off';
  return checkPlatformAuth(authorization, config.PLATFORM_ADMIN_PASSWORD) ? 'ok' : 'login';
}

export const platformChallenge = { 'www-authenticate': 'Basic realm="Mappe Betreiber", charset="UTF-8"' } as const;
