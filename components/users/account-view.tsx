import { useTranslations } from 'next-intl';
import type { Locale } from '@/lib/i18n';
import { Card, PageHeader } from '../ui/card';
import { ChangePasswordForm } from './change-password-form';
import { LanguageForm } from './language-form';
import { ClientMessages } from '../i18n/client-messages';

/** "Mein Zugang" for employees and clients alike: the BENUTZERNAME, the password change and the language. */
export function AccountView({ username, locale }: { username: string; locale: Locale }) {
  const t = useTranslations('account');
  return (
    <ClientMessages pick={['account']}>
      <>
        <PageHeader title={t('title')} subtitle={t('username', { username })} />
        <div className="space-y-6">
          <Card>
            <h2 className="mb-4 text-lg font-semibold">{t('password.title')}</h2>
            <ChangePasswordForm />
          </Card>
          <Card>
            <h2 className="mb-4 text-lg font-semibold">{t('language.title')}</h2>
            <LanguageForm current={locale} />
          </Card>
        </div>
      </>
    </ClientMessages>
  );
}
