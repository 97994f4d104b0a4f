import { getRequestConfig } from 'next-intl/server';
import { cookies, headers } from 'next/headers';

export const locales = ['de', 'en'] as const;
export type Locale = (typeof locales)[number];

/** German by default; English when the user chose it (cookie) or the browser prefers it strongly. */
async function pickLocale(): Promise<Locale> {
  const chosen = (await cookies()).get('mappe.locale')?.value;
  if (chosen === 'de' || chosen === 'en') return chosen;
  const accept = (await headers()).get('accept-language') ?? '';
  const first = accept.split(',')[0]?.trim().slice(0, 2).toLowerCase();
  return first === 'en' ? 'en' : 'de';
}

export default getRequestConfig(async () => {
  const locale = await pickLocale();
  return {
    locale,
    timeZone: 'Europe/Berlin',
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});
