import { Text } from '@react-email/components';
import { defaultLocale, translate, type Locale } from '../../i18n';
import { BrandedMail, MailButton, type Brand } from './layout';

/**
 * After a sign-in from a browser and system never seen for this account: when and which device, nothing
 * else (no place, no address), and the way to "Mein Zugang" to end the session. Words: devices.mail.
 */
export function NewDeviceMail({
  brand,
  firstName,
  when,
  device,
  accountUrl,
  locale = defaultLocale,
}: {
  brand: Brand;
  firstName: string;
  when: string;
  device: string;
  accountUrl: string;
  locale?: Locale;
}) {
  const t = (key: string, values?: Record<string, string>) => translate(locale, `devices.mail.${key}`, values);
  return (
    <BrandedMail brand={brand} locale={locale} preview={t('preview', { tenant: brand.name })} title={t('title')}>
      <Text>{t('greeting', { firstName })}</Text>
      <Text>{t('body', { tenant: brand.name, when, device })}</Text>
      <Text>{t('advice')}</Text>
      <MailButton brand={brand} href={accountUrl}>
        {t('button')}
      </MailButton>
    </BrandedMail>
  );
}
