import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { PublicCard } from '@/components/auth/public-card';
import { ClientMessages } from '@/components/i18n/client-messages';
import { AddPasskeyForm } from '@/components/passkeys/add-passkey';
import { TotpSetupFlow } from '@/components/users/totp-setup';
import { Button } from '@/components/ui/button';
import { logoutAction } from '@/lib/auth/actions';
import { homePathFor } from '@/lib/auth/current';
import { myFactorState } from '@/lib/auth/factors/state';
import { factorSetupCtx } from '@/lib/request/ctx';
import { logoUrl } from '@/lib/tenant/branding';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account.factor'))('forcedTitle') };
}

/**
 * The one page open to an employee whom the tenant holds to a second factor and who has none yet (outside
 * the advisor layout, which would send them here again): the setup, then on to the advisor area.
 */
export default async function ForcedFactorSetupPage() {
  const ctx = await factorSetupCtx('employee');
  const state = await myFactorState(ctx);
  const t = await getTranslations('account.factor');
  const tc = await getTranslations('common');
  if (state.on || state.passkeys > 0) redirect(homePathFor(ctx.actor));
  return (
    <ClientMessages pick={['account']}>
      <PublicCard
        tenantName={ctx.tenant.name}
        logoUrl={logoUrl(ctx.tenant)}
        title={t('forcedTitle')}
        intro={t('forcedIntro', { tenant: ctx.tenant.name })}
      >
        <TotpSetupFlow doneHref={homePathFor(ctx.actor)} />
        <div className="mt-8 border-t border-gray-200 pt-4">
          <p className="mb-3 text-sm text-gray-700">{t('passkeyOr')}</p>
          <AddPasskeyForm doneHref={homePathFor(ctx.actor)} />
        </div>
        <form action={logoutAction} className="mt-8 border-t border-gray-200 pt-4">
          <Button type="submit" variant="ghost" size="sm">
            {tc('logout')}
          </Button>
        </form>
      </PublicCard>
    </ClientMessages>
  );
}
