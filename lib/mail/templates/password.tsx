import { Text } from '@react-email/components';
import { defaultLocale, type Locale } from '../../i18n';
import { BrandedMail, MailButton, type Brand } from './layout';
import { mailWords } from './words';

/** How long a link lives: text the caller made, or a duration the template words in the mail's language. */
export type ValidFor = string | { hours: number } | { minutes: number };

/** PASSWORT-MAIL #1 (invitation / REGISTRIERUNGSMAIL) and the password-reset mail: a single-use link. */
export function PasswordLinkMail({
  brand,
  firstName,
  url,
  purpose,
  validFor,
  locale = defaultLocale,
}: {
  brand: Brand;
  firstName: string;
  url: string;
  purpose: 'invite' | 'reset';
  validFor: ValidFor;
  locale?: Locale;
}) {
  const t = mailWords(locale);
  const words = purpose === 'invite' ? 'passwordInvite' : 'passwordReset';
  const duration =
    typeof validFor === 'string'
      ? validFor
      : 'hours' in validFor
        ? t('password.validHours', { count: validFor.hours })
        : t('password.validMinutes', { count: validFor.minutes });
  return (
    <BrandedMail
      brand={brand}
      locale={locale}
      preview={t(`${words}.preview`, { tenant: brand.name })}
      title={t(`${words}.title`)}
    >
      <Text>{t('greeting', { firstName })}</Text>
      <Text>{t(`${words}.body`, { tenant: brand.name })}</Text>
      <Text>{t('password.pin')}</Text>
      <MailButton brand={brand} href={url}>
        {t(`${words}.button`)}
      </MailButton>
      <Text style={{ color: '#6b7280', fontSize: 13 }}>{t(`${words}.validity`, { validFor: duration })}</Text>
      <Text style={{ color: '#6b7280', fontSize: 13 }}>{t('password.fallback', { url })}</Text>
    </BrandedMail>
  );
}

/** PASSWORT-MAIL #2: the generated, immutable BENUTZERNAME and the login link. */
export function UsernameMail({
  brand,
  firstName,
  username,
  loginUrl,
  locale = defaultLocale,
}: {
  brand: Brand;
  firstName: string;
  username: string;
  loginUrl: string;
  locale?: Locale;
}) {
  const t = mailWords(locale);
  return (
    <BrandedMail
      brand={brand}
      locale={locale}
      preview={t('username.preview', { tenant: brand.name })}
      title={t('username.title')}
    >
      <Text>{t('greeting', { firstName })}</Text>
      <Text>{t('username.body')}</Text>
      <Text style={{ fontSize: 20, fontWeight: 700, letterSpacing: 0.5 }}>{username}</Text>
      <Text style={{ color: '#6b7280', fontSize: 13 }}>{t('username.note')}</Text>
      <MailButton brand={brand} href={loginUrl}>
        {t('username.button')}
      </MailButton>
    </BrandedMail>
  );
}
