import { Text } from '@react-email/components';
import { defaultLocale, type Locale } from '../../i18n';
import { BrandedMail, MailButton, type Brand } from './layout';
import { mailWords } from './words';

interface DeadlineMailProps {
  brand: Brand;
  product: string;
  lastDay: string;
  days: number;
  reason: string;
  url: string;
  locale?: Locale;
}

/** FRISTEN reminder to the Betreuer (or, without one, to the admins): no client name in the mail, the contract is one click away. */
export function DeadlineAdvisorMail({
  brand,
  product,
  lastDay,
  days,
  reason,
  url,
  noAdvisor = false,
  locale = defaultLocale,
}: DeadlineMailProps & { noAdvisor?: boolean }) {
  const t = mailWords(locale);
  const title = t('deadlineAdvisor.title', { days, product });
  return (
    <BrandedMail brand={brand} locale={locale} preview={title} title={title}>
      <Text>{t('deadlineAdvisor.body', { lastDay, product })}</Text>
      {noAdvisor ? <Text>{t('deadlineAdvisor.noAdvisor')}</Text> : null}
      <Text>{reason}</Text>
      <MailButton brand={brand} href={url}>
        {t('deadlineAdvisor.button')}
      </MailButton>
    </BrandedMail>
  );
}

/**
 * The client's reminder (switched on per contract): an invitation to talk to the advisor in KOMMUNIKATION
 * through a prefilled message, never advice to cancel on their own.
 */
export function DeadlineClientMail({
  brand,
  product,
  lastDay,
  days,
  reason,
  url,
  canWrite,
  locale = defaultLocale,
}: DeadlineMailProps & { canWrite: boolean }) {
  const t = mailWords(locale);
  const title = t('deadlineClient.title', { days, product });
  return (
    <BrandedMail brand={brand} locale={locale} preview={title} title={title}>
      <Text>{t('deadlineClient.body', { lastDay, product })}</Text>
      <Text>{reason}</Text>
      <Text>{t('deadlineClient.advice')}</Text>
      <MailButton brand={brand} href={url}>
        {canWrite ? t('deadlineClient.button') : t('deadlineClient.buttonContract')}
      </MailButton>
    </BrandedMail>
  );
}
