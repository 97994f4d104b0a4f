import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '../ui/button';
import { Alert } from '../ui/alert';
import { ActivationForm } from './activation-form';
import { PublicCard } from './public-card';
import { logoUrl } from '@/lib/tenant/branding';
import type { TokenInfo } from '@/lib/auth/tokens';
import { ClientMessages } from '../i18n/client-messages';

const invalidStates = ['used', 'burned', 'expired', 'superseded', 'unknown'] as const;

/** PASSWORTVERGABE page for invitation and reset links. */
export async function LinkPage({
  tenant,
  token,
  info,
  purpose,
}: {
  tenant: { name: string; logoKey: string | null; brandingVersion: number };
  token: string;
  info: TokenInfo;
  purpose: 'invite' | 'reset';
}) {
  const t = await getTranslations('auth.link');
  const tc = await getTranslations('common');
  const valid = info.state === 'valid' && info.purpose === purpose && info.user;
  const state = (invalidStates as readonly string[]).includes(info.state)
    ? (info.state as (typeof invalidStates)[number])
    : 'unknown';
  return (
    <ClientMessages pick={['auth']}>
      <PublicCard
        tenantName={tenant.name}
        logoUrl={logoUrl(tenant)}
        title={purpose === 'invite' ? t('titleInvite') : t('titleReset')}
        intro={valid ? t('intro', { firstName: info.user!.firstName }) : undefined}
      >
        {valid ? (
          <ActivationForm
            token={token}
            userInputs={[info.user!.firstName, info.user!.lastName, info.user!.username, tenant.name]}
          />
        ) : (
          <div className="space-y-4">
            <Alert tone="error">{t(`invalid.${state}`)}</Alert>
            <ButtonLink href="/login" variant="secondary" className="w-full">
              {tc('toLogin')}
            </ButtonLink>
          </div>
        )}
      </PublicCard>
    </ClientMessages>
  );
}
