import { Text } from '@react-email/components';
import { defaultLocale, translate, type Locale } from '../../i18n';
import { BrandedMail, type Brand } from './layout';

/**
 * To the account after the broker reset its second factor (lost phone): whoever did not ask for it learns of
 * it at once. Words: account.factorResetMail.
 */
export function FactorResetMail({
  brand,
  firstName,
  locale = defaultLocale,
}: {
  brand: Brand;
  firstName: string;
  locale?: Locale;
}) {
  const t = (key: string, values?: Record<string, string>) =>
    translate(locale, `account.factorResetMail.${key}`, values);
  return (
    <BrandedMail brand={brand} locale={locale} preview={t('preview', { tenant: brand.name })} title={t('title')}>
      <Text>{t('greeting', { firstName })}</Text>
      <Text>{t('body', { tenant: brand.name })}</Text>
      <Text>{t('advice', { tenant: brand.name })}</Text>
    </BrandedMail>
  );
}
