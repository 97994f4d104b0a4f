import { Text } from '@react-email/components';
import { defaultLocale, type Locale } from '../../i18n';
import { BrandedMail, MailButton, type Brand } from './layout';
import { mailWords } from './words';

/**
 * KOMMUNIKATION notifications. Confidential content stays in the portal: no subject, no message text,
 * only who and a link to log in.
 */
export function TicketStaffMail({
  brand,
  reason,
  clientName,
  by,
  url,
  locale = defaultLocale,
}: {
  brand: Brand;
  reason: 'created' | 'replied' | 'forwarded';
  clientName: string;
  by?: string;
  url: string;
  locale?: Locale;
}) {
  const t = mailWords(locale);
  // The subject line doubles as the heading (mail.ticketStaff.subject is the subject the callers set).
  const title = t('ticketStaff.subject', { reason });
  return (
    <BrandedMail brand={brand} locale={locale} preview={title} title={title}>
      <Text>
        {t('ticketStaff.body', { reason, by: by ?? t('ticketStaff.colleague'), client: clientName })}{' '}
        {t('ticketStaff.confidential')}
      </Text>
      <MailButton brand={brand} href={url}>
        {t('ticketStaff.button')}
      </MailButton>
    </BrandedMail>
  );
}

export function TicketClientMail({
  brand,
  url,
  locale = defaultLocale,
}: {
  brand: Brand;
  url: string;
  locale?: Locale;
}) {
  const t = mailWords(locale);
  return (
    <BrandedMail brand={brand} locale={locale} preview={t('ticketClient.title')} title={t('ticketClient.title')}>
      <Text>{t('ticketClient.body')}</Text>
      <MailButton brand={brand} href={url}>
        {t('ticketClient.button')}
      </MailButton>
    </BrandedMail>
  );
}
