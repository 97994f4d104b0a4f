import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/card';
import { hasAnyRight } from '@/lib/access/employee';
import { ChatIcon, ContactsIcon, SettingsIcon, UsersIcon } from '@/components/ui/icons';
import { Tile } from '@/components/ui/tile';
import { requireAdvisor } from '@/lib/auth/current';
import { accountCounts } from '@/lib/users/queries';

export const metadata: Metadata = { title: 'Startseite' };

export default async function DashboardPage() {
  const { tenant, user } = await requireAdvisor();
  const t = await getTranslations('advisor');
  const tc = await getTranslations('common');
  const counts = await accountCounts(tenant.id);
  const isAdmin = user.role === 'admin';
  const soon = { disabled: true, disabledLabel: t('comingSoon') };
  return (
    <>
      <PageHeader title={t('greeting', { name: user.firstName })} subtitle={t('intro')} />
      {hasAnyRight(user) ? null : (
        <Alert className="mb-6">
          <strong>Ihnen wurden noch keine Rechte vergeben.</strong> Bis ein Admin Ihnen unter BENUTZER Rechte für die Module gibt, finden Sie hier nur einen leeren
          Vertragsordner.
        </Alert>
      )}
      <dl className="mb-8 grid grid-cols-2 gap-3 sm:max-w-xl">
        {[
          [t('stats.clients'), counts.clients],
          [t('stats.employees'), counts.employees],
        ].map(([label, value]) => (
          <div key={String(label)} className="rounded-2xl bg-white px-5 py-4 shadow-sm ring-1 ring-black/5">
            <dt className="text-xs font-semibold uppercase tracking-wider text-gray-500">{label}</dt>
            <dd className="mt-1 text-3xl font-bold text-primary">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Tile href="/contacts" icon={<ContactsIcon />} title={t('nav.contacts')} description={t('tiles.contacts')} actionLabel={tc('open')} />
        <Tile href="/tickets" icon={<ChatIcon />} title={t('nav.communication')} description={t('tiles.communication')} actionLabel={tc('open')} {...soon} />
        {isAdmin ? (
          <>
            <Tile href="/users" icon={<UsersIcon />} title={t('nav.users')} description={t('tiles.users')} actionLabel={tc('open')} />
            <Tile href="/settings" icon={<SettingsIcon />} title={t('nav.settings')} description={t('tiles.settings')} actionLabel={tc('open')} />
          </>
        ) : null}
      </div>
    </>
  );
}
