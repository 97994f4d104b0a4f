import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CalendarFeedCard } from '@/components/calendar/calendar-feed-card';
import { PasskeysSection } from '@/components/passkeys/passkeys-section';
import { SessionsSection } from '@/components/sessions/sessions-section';
import { AccountView } from '@/components/users/account-view';
import { myFactorState } from '@/lib/auth/factors/state';
import { advisorCtx } from '@/lib/request/ctx';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

export default async function AdvisorAccountPage() {
  const ctx = await advisorCtx();
  return (
    <>
      <AccountView username={ctx.actor.username} locale={ctx.locale} factor={await myFactorState(ctx)} />
      <CalendarFeedCard ctx={ctx} />
      <PasskeysSection ctx={ctx} />
      <SessionsSection ctx={ctx} />
    </>
  );
}
