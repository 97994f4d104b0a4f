import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/card';
import { hasAnyRight, rightOf } from '@/lib/access/employee';
import { ChatIcon, ContactsIcon, SettingsIcon, UsersIcon } from '@/components/ui/icons';
import { Tile } from '@/components/ui/tile';
import { requireAdvisor } from '@/lib/auth/current';
import { accountCounts } from '@/lib/users/queries';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { clientChangesFor } from '@/lib/contracts/read';

const when = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });

export const metadata: Metadata = { title: 'Startseite' };

export default async function DashboardPage() {
  const { tenant, user } = await requireAdvisor();
  const t = await getTranslations('advisor');
  const tc = await getTranslations('common');
  const [counts, changes] = await Promise.all([accountCounts(tenant.id), clientChangesFor(tenant.id, user)]);
  const isAdmin = user.role === 'admin';
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
        {rightOf(user, 'communication') !== 'none' ? <Tile href="/tickets" icon={<ChatIcon />} title={t('nav.communication')} description={t('tiles.communication')} actionLabel={tc('open')} /> : null}
        {isAdmin ? (
          <>
            <Tile href="/users" icon={<UsersIcon />} title={t('nav.users')} description={t('tiles.users')} actionLabel={tc('open')} />
            <Tile href="/settings" icon={<SettingsIcon />} title={t('nav.settings')} description={t('tiles.settings')} actionLabel={tc('open')} />
          </>
        ) : null}
      </div>
      {hasAnyRight(user) ? (
        <Card className="mt-8">
          <h2 className="text-lg font-semibold">Änderungen durch Kunden</h2>
          <p className="mt-1 text-sm text-gray-600">Was Ihre Kunden zuletzt in ihren Ordnern angelegt, geändert oder gelöscht haben.</p>
          {changes.length === 0 ? (
            <p className="mt-4 text-sm text-gray-600">Noch keine Änderungen durch Kunden.</p>
          ) : (
            <ol className="mt-4 divide-y divide-gray-100" aria-label="Änderungen durch Kunden">
              {changes.map((c, i) => (
                <li key={i} className="flex flex-wrap items-baseline justify-between gap-2 py-2.5 text-sm">
                  <span className="min-w-0">
                    <Link href={`/contacts/${c.contactId}`} className="font-semibold text-primary hover:underline">
                      {c.contactName}
                    </Link>{' '}
                    <span className="text-ink">{c.label}</span>
                    {c.detail ? <span className="text-gray-600"> – {c.detail}</span> : null}
                  </span>
                  <time className="text-xs text-gray-500" dateTime={c.at.toISOString()}>
                    {when.format(c.at)}
                  </time>
                </li>
              ))}
            </ol>
          )}
        </Card>
      ) : null}
    </>
  );
}
