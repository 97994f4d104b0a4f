import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TicketList } from '@/components/tickets/ticket-list';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { ChatIcon } from '@/components/ui/icons';
import { clientCtx } from '@/lib/request/ctx';
import { listClientTickets, myTicketRights } from '@/lib/tickets/list';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tickets'))('title') };
}

export default async function MessagesPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const ctx = await clientCtx();
  const rights = await myTicketRights(ctx);
  if (!rights.read) notFound();
  const t = await getTranslations('tickets');
  const status = (await searchParams).status === 'closed' ? 'closed' : 'open';
  const items = await listClientTickets(ctx, { status });
  const tab = (value: 'open' | 'closed', label: string) => (
    <Link
      href={value === 'open' ? '/portal/messages' : '/portal/messages?status=closed'}
      aria-current={status === value ? 'page' : undefined}
      className={cn(
        'rounded-full px-4 py-2 text-sm font-semibold',
        status === value ? 'bg-primary text-on-primary' : 'bg-white text-ink ring-1 ring-black/10',
      )}
    >
      {label}
    </Link>
  );
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={rights.write ? t('portal.subtitleWrite') : t('portal.subtitleRead')}
        actions={rights.write ? <ButtonLink href="/portal/messages/new">{t('portal.new')}</ButtonLink> : undefined}
      />
      <nav className="mb-4 flex gap-2" aria-label={t('portal.tabs')}>
        {tab('open', t('portal.tabOpen'))}
        {tab('closed', t('portal.tabClosed'))}
      </nav>
      {items.length === 0 ? (
        <EmptyState
          icon={<ChatIcon width={36} height={36} />}
          title={status === 'open' ? t('portal.emptyOpen') : t('portal.emptyClosed')}
        >
          {t('portal.emptyText')}
        </EmptyState>
      ) : (
        <TicketList items={items} hrefOf={(id) => `/portal/messages/${id}`} audience="client" />
      )}
    </>
  );
}
