import { Text } from '@react-email/components';
import { defaultLocale, type Locale } from '../../i18n';
import { BrandedMail, MailButton, type Brand } from './layout';
import { mailWords } from './words';

/** To the tenant's admins: a prospect used the contact form (no message text in the mail). */
export function LeadMail({
  brand,
  name,
  topic,
  url,
  existing,
  locale = defaultLocale,
}: {
  brand: Brand;
  name: string;
  topic: string;
  url: string;
  existing: boolean;
  locale?: Locale;
}) {
  const t = mailWords(locale);
  return (
    <BrandedMail brand={brand} locale={locale} preview={t('lead.preview', { name })} title={t('lead.title')}>
      <Text>
        {t('lead.before', { name })} <strong>{topic}</strong> {t('lead.after')}{' '}
        {t(existing ? 'lead.existing' : 'lead.new')}
      </Text>
      <MailButton brand={brand} href={url}>
        {t('lead.button')}
      </MailButton>
    </BrandedMail>
  );
}
