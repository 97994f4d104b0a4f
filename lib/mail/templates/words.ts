import { defaultLocale, translate, type Locale, type MessageValues } from '../../i18n';

/**
 * The words of one mail in the recipient's language (`users.locale`, else the tenant's): every template
 * takes a `locale` (German by default) and reads its text from the `mail` namespace.
 */
export function mailWords(locale: Locale = defaultLocale) {
  return (key: MailKey, values?: MessageValues) => translate(locale, `mail.${key}`, values);
}

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A key inside the `mail` namespace, e.g. `ticketStaff.button`. */
export type MailKey = Leaves<typeof import('../../../messages/de/mail.json')>;
