import { useTranslations } from 'next-intl';
import type { Locale } from '@/lib/i18n';
import { Card, PageHeader } from '../ui/card';
import { ChangePasswordForm } from './change-password-form';
import { LanguageForm } from './language-form';
import { TotpCard } from './totp-card';
import { ClientMessages } from '../i18n/client-messages';

export interface FactorState {
  on: boolean;
  recoveryLeft: number;
  canSwitchOff: boolean;
}

/**
 * "Mein Zugang" for employees and clients alike: the BENUTZERNAME, the password change, the second factor
 * and the language.
 */
export function AccountView({ username, locale, factor }: { username: string; locale: Locale; factor: FactorState }) {
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
            <h2 className="mb-4 text-lg font-semibold">{t('factor.title')}</h2>
            <TotpCard {...factor} />
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
