import { Text } from '@react-email/components';
import { defaultLocale, type Locale } from '../../i18n';
import { BrandedMail, MailButton, type Brand } from './layout';
import { mailWords } from './words';

/** WIEDERVORLAGE due today: no note and no client name in the mail, only a link to "Meine Wiedervorlagen". */
export function FollowUpDueMail({
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
    <BrandedMail brand={brand} locale={locale} preview={t('followUp.title')} title={t('followUp.title')}>
      <Text>{t('followUp.body')}</Text>
      <MailButton brand={brand} href={url}>
        {t('followUp.button')}
      </MailButton>
    </BrandedMail>
  );
}
