import { Text } from '@react-email/components';
import { defaultLocale, type Locale } from '../../i18n';
import { BrandedMail, MailButton, platformBrand } from './layout';
import { mailWords } from './words';

/** To the platform operator: a broker sent a support request (read it in the operator area). */
export function SupportMail({
  tenantName,
  author,
  subject,
  url,
  screenshots,
  locale = defaultLocale,
}: {
  tenantName: string;
  author: string;
  subject: string;
  url: string;
  screenshots: number;
  locale?: Locale;
}) {
  const t = mailWords(locale);
  return (
    <BrandedMail
      brand={platformBrand}
      locale={locale}
      preview={t('support.preview', { tenant: tenantName })}
      title={t('support.title')}
    >
      <Text>
        {t('support.before', { author, tenant: tenantName })} <strong>{subject}</strong>
        {screenshots ? t('support.screenshots', { count: screenshots }) : ''}
        {t('support.end')}
      </Text>
      <MailButton brand={platformBrand} href={url}>
        {t('support.button')}
      </MailButton>
    </BrandedMail>
  );
}
