import 'server-only';
import { cookies } from 'next/headers';
import { env } from '../../env';
import { pendingPolicy } from './second-step';

/** The pending login (password right, code missing) on this browser: host-only, HttpOnly, 5 minutes. */
export function pendingCookieName(): string {
  return env().APP_URL_SCHEME === 'https' ? '__Host-mappe.login-step' : 'mappe.login-step';
}

export async function setPendingCookie(raw: string): Promise<void> {
  (await cookies()).set(pendingCookieName(), raw, {
    path: '/',
    maxAge: pendingPolicy.ttlSeconds,
    sameSite: 'lax',
    httpOnly: true,
    secure: env().APP_URL_SCHEME === 'https',
  });
}

export async function readPendingCookie(): Promise<string | null> {
  return (await cookies()).get(pendingCookieName())?.value ?? null;
}

export async function clearPendingCookie(): Promise<void> {
  (await cookies()).delete(pendingCookieName());
}
