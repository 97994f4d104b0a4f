import { Text } from '@react-email/components';
import { defaultLocale, translate, type Locale } from '../../i18n';
import { BrandedMail, type Brand } from './layout';

/**
 * To the old address after the e-mail address or the birth date (the PIN) of an account were changed
 * (issue 13, finding 9): whoever did not ask for it learns of it while the old address still reaches them.
 * The new address is not named. The words are the `contacts` namespace's (contacts.loginDataMail).
 */
export function LoginDataChangedMail({
  brand,
  firstName,
  change,
  locale = defaultLocale,
}: {
  brand: Brand;
  firstName: string;
  change: { email: boolean; birthDate: boolean };
  locale?: Locale;
}) {
  const t = (key: string, values?: Record<string, string>) =>
    translate(locale, `contacts.loginDataMail.${key}`, values);
  const what = change.email && change.birthDate ? 'both' : change.email ? 'email' : 'birthDate';
  return (
    <BrandedMail brand={brand} locale={locale} preview={t('preview', { tenant: brand.name })} title={t('title')}>
      <Text>{t('greeting', { firstName })}</Text>
      <Text>{t(what, { tenant: brand.name })}</Text>
      <Text>{t('sessions')}</Text>
      <Text>{t('advice', { tenant: brand.name })}</Text>
    </BrandedMail>
  );
}
