import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PasskeysSection } from '@/components/passkeys/passkeys-section';
import { SessionsSection } from '@/components/sessions/sessions-section';
import { AccountView } from '@/components/users/account-view';
import { myFactorState } from '@/lib/auth/factors/state';
import { clientCtx } from '@/lib/request/ctx';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

export default async function ClientAccountPage() {
  const ctx = await clientCtx();
  return (
    <>
      <AccountView username={ctx.actor.username} locale={ctx.locale} factor={await myFactorState(ctx)} />
      <PasskeysSection ctx={ctx} />
      <SessionsSection ctx={ctx} />
    </>
  );
}
