import { getRequestConfig } from 'next-intl/server';
import { cookies } from 'next/headers';

export const locales = ['de', 'en'] as const;
export type Locale = (typeof locales)[number];

/**
 * German always, unless the user chose English (cookie "mappe.locale"). The product's words are the
 * German handbook's; guessing from Accept-Language would show brokers' clients a mixed portal.
 */
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get('mappe.locale')?.value;
  const locale: Locale = chosen === 'en' ? 'en' : 'de';
  return {
    locale,
    timeZone: 'Europe/Berlin',
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});
