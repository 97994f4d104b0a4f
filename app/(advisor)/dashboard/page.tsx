import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { Card, PageHeader } from '@/components/ui/card';
import { CountTile } from '@/components/dashboard/count-tile';
import { DeadlineTile, DeadlineTileLoading } from '@/components/dashboard/deadline-tile';
import { CalendarIcon, ChatIcon, ContactsIcon, FolderIcon, SettingsIcon, UsersIcon } from '@/components/ui/icons';
import { Tile } from '@/components/ui/tile';
import {
  canManageSettings,
  canManageUsers,
  canSeeDeadlines,
  canViewContacts,
  hasAnyRight,
  rightOf,
} from '@/lib/access/employee';
import { clientChanges } from '@/lib/contracts';
import { CHANGES_DAYS, startCounts } from '@/lib/dashboard/counts';
import { countFollowUps } from '@/lib/follow-ups';
import { advisorCtx } from '@/lib/request/ctx';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard'))('metaTitle') };
}

export default async function DashboardPage() {
  const ctx = await advisorCtx();
  const user = ctx.actor;
  const [t, td, tc, format, counts, changes, followUps] = await Promise.all([
    getTranslations('advisor'),
    getTranslations('dashboard'),
    getTranslations('common'),
    getFormatter(),
    startCounts(ctx),
    clientChanges(ctx),
    canViewContacts(user)
      ? Promise.all([countFollowUps(ctx, 'today'), countFollowUps(ctx, 'overdue')]).then(([today, overdue]) => ({
          today,
          overdue,
        }))
      : null,
  ]);
  return (
    <>
      <PageHeader title={t('greeting', { name: user.firstName })} subtitle={t('intro')} />
      {hasAnyRight(user) ? null : (
        <Alert className="mb-6">{td.rich('noRights', { strong: (chunks) => <strong>{chunks}</strong> })}</Alert>
      )}
      <section aria-labelledby="today" className="mb-8">
        <h2 id="today" className="mb-3 text-sm font-semibold uppercase tracking-wider text-gray-600">
          {td('today')}
        </h2>
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {counts.openTickets ? (
            <CountTile
              label={td('tiles.openTickets')}
              count={counts.openTickets.n}
              href={`/tickets?scope=${counts.openTickets.scope}`}
              hint={counts.openTickets.scope === 'mine' ? td('tiles.openTicketsMine') : td('tiles.openTicketsAll')}
              icon={<ChatIcon />}
            />
          ) : null}
          {canSeeDeadlines(user) ? (
            <Suspense fallback={<DeadlineTileLoading />}>
              <DeadlineTile ctx={ctx} />
            </Suspense>
          ) : null}
          {followUps ? (
            <CountTile
              label={td('tiles.followUps')}
              count={followUps.today}
              href="/wiedervorlagen"
              hint={td('tiles.followUpsOverdue', { count: followUps.overdue })}
              icon={<CalendarIcon />}
            />
          ) : null}
          {counts.clientChanges !== null ? (
            <CountTile
              label={td('changesTitle')}
              count={counts.clientChanges}
              href="/dashboard#changes"
              hint={td('tiles.changesHint', { days: CHANGES_DAYS })}
              icon={<FolderIcon />}
            />
          ) : null}
          {counts.leads !== null ? (
            <CountTile
              label={td('tiles.leads')}
              count={counts.leads}
              href="/contacts?filter=leads"
              hint={td('tiles.leadsHint')}
              icon={<ContactsIcon />}
            />
          ) : null}
        </div>
      </section>
      <h2 className="mb-3 text-sm font-semibold uppercase tracking-wider text-gray-600">{td('areas')}</h2>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Tile
          href="/contacts"
          icon={<ContactsIcon />}
          title={t('nav.contacts')}
          description={t('tiles.contacts')}
          actionLabel={tc('open')}
        />
        {rightOf(user, 'communication') !== 'none' ? (
          <Tile
            href="/tickets"
            icon={<ChatIcon />}
            title={t('nav.communication')}
            description={t('tiles.communication')}
            actionLabel={tc('open')}
          />
        ) : null}
        {canManageUsers(user) ? (
          <Tile
            href="/users"
            icon={<UsersIcon />}
            title={t('nav.users')}
            description={t('tiles.users')}
            actionLabel={tc('open')}
          />
        ) : null}
        {canManageSettings(user) ? (
          <Tile
            href="/settings"
            icon={<SettingsIcon />}
            title={t('nav.settings')}
            description={t('tiles.settings')}
            actionLabel={tc('open')}
          />
        ) : null}
      </div>
      {hasAnyRight(user) ? (
        <Card className="mt-8 scroll-mt-24">
          <h2 id="changes" className="scroll-mt-24 text-lg font-semibold">
            {td('changesTitle')}
          </h2>
          <p className="mt-1 text-sm text-gray-600">{td('changesIntro')}</p>
          {changes.length === 0 ? (
            <p className="mt-4 text-sm text-gray-600">{td('noChanges')}</p>
          ) : (
            <ol className="mt-4 divide-y divide-gray-100" aria-label={td('changesTitle')}>
              {changes.map((c, i) => (
                <li key={i} className="flex flex-wrap items-baseline justify-between gap-2 py-2.5 text-sm">
                  <span className="min-w-0">
                    <Link href={`/contacts/${c.contactId}`} className="font-semibold text-primary hover:underline">
                      {c.contactName}
                    </Link>{' '}
                    <span className="text-ink">{c.label}</span>
                    {c.detail ? <span className="text-gray-600"> – {c.detail}</span> : null}
                  </span>
                  <time className="text-xs text-gray-600" dateTime={c.at.toISOString()}>
                    {format.dateTime(c.at, { dateStyle: 'medium', timeStyle: 'short' })}
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
