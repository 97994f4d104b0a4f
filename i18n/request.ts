import { getRequestConfig } from 'next-intl/server';
import { cookies } from 'next/headers';
import { currentActor } from '../lib/auth/current';
import { localeOf } from '../lib/ctx';
import { defaultLocale, isLocale, timeZone } from '../lib/i18n';
import { currentTenant } from '../lib/tenant/request';
import { catalogs } from '../messages';

export { locales, type Locale } from '../lib/i18n';

/** Remembers the language on this browser for the pages before sign-in (set on login and in "Mein Zugang"). */
export const localeCookie = 'mappe.locale';

/**
 * The language of this request: the signed-in account's choice, else (before sign-in) the browser's last
 * choice, else the tenant's language, else German. Never guessed from Accept-Language: the product's words
 * are the German handbook's, and a broker's clients should not see a mixed portal.
 */
export default getRequestConfig(async () => {
  const tenant = await currentTenant();
  const signedIn = tenant ? await currentActor() : null;
  const chosen = (await cookies()).get(localeCookie)?.value;
  const locale = signedIn
    ? localeOf(signedIn.user, signedIn.tenant)
    : isLocale(chosen)
      ? chosen
      : tenant
        ? localeOf(null, tenant)
        : defaultLocale;
  return { locale, timeZone, messages: catalogs[locale] };
});
