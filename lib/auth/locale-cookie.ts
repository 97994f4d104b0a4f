import 'server-only';
import { cookies } from 'next/headers';
import { localeCookie } from '../../i18n/request';
import { env } from '../env';
import type { Locale } from '../i18n';

/**
 * Remembers an account's language on this browser, so the pages before the next sign-in (the login page
 * after "Abmelden", read by i18n/request.ts before anyone is signed in) stay in it. Host-only, one year.
 */
export async function rememberLocale(locale: Locale): Promise<void> {
  (await cookies()).set(localeCookie, locale, {
    path: '/',
    maxAge: 365 * 24 * 60 * 60,
    sameSite: 'lax',
    httpOnly: true,
    secure: env().APP_URL_SCHEME === 'https',
  });
}
