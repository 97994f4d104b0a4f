import { Text } from '@react-email/components';
import { defaultLocale, type Locale } from '../../i18n';
import { BrandedMail, MailButton, type Brand } from './layout';
import { mailWords } from './words';

export interface WelcomeProps {
  brand: Brand;
  firstName: string;
  username: string;
  loginUrl: string;
  locale?: Locale;
}

/** Sent by `npm run tenant:create` to a new tenant's first admin. */
export function WelcomeMail({ brand, firstName, username, loginUrl, locale = defaultLocale }: WelcomeProps) {
  const t = mailWords(locale);
  return (
    <BrandedMail
      brand={brand}
      locale={locale}
      preview={t('welcome.preview', { tenant: brand.name })}
      title={t('welcome.title')}
    >
      <Text>{t('greeting', { firstName })}</Text>
      <Text>
        {t('welcome.body', { tenant: brand.name })} <strong>{username}</strong>
      </Text>
      <Text>{t('welcome.password')}</Text>
      <MailButton brand={brand} href={loginUrl}>
        {t('welcome.button')}
      </MailButton>
      <Text style={{ color: '#6b7280', fontSize: 13 }}>{t('welcome.fallback', { url: loginUrl })}</Text>
    </BrandedMail>
  );
}
