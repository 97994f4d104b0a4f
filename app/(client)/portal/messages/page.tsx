import type { Metadata } from 'next';
import Link from 'next/link';
import { TicketList } from '@/components/tickets/ticket-list';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { ChatIcon } from '@/components/ui/icons';
import { requireModule } from '@/lib/portal/context';
import { clientTicketsFor } from '@/lib/tickets/read';

export const metadata: Metadata = { title: 'KOMMUNIKATION' };

export default async function MessagesPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const { actor, rights } = await requireModule('communication');
  const status = (await searchParams).status === 'closed' ? 'closed' : 'open';
  const items = await clientTicketsFor(actor.tenant.id, actor.user, status);
  const tab = (value: 'open' | 'closed', label: string) => (
    <Link href={value === 'open' ? '/portal/messages' : '/portal/messages?status=closed'} aria-current={status === value ? 'page' : undefined} className={cn('rounded-full px-4 py-2 text-sm font-semibold', status === value ? 'bg-primary text-on-primary' : 'bg-white text-ink ring-1 ring-black/10')}>
      {label}
    </Link>
  );
  return (
    <>
      <PageHeader
        title="KOMMUNIKATION"
        subtitle={rights.mayCreateEditOwn ? 'Schreiben Sie Ihrem Berater – sicher und ohne E-Mail.' : 'Nachrichten Ihres Beraters (nur lesen).'}
        actions={rights.mayCreateEditOwn ? <ButtonLink href="/portal/messages/new">+ NEUE NACHRICHT</ButtonLink> : undefined}
      />
      <nav className="mb-4 flex gap-2" aria-label="Tickets">
        {tab('open', 'Offen')}
        {tab('closed', 'Abgeschlossen')}
      </nav>
      {items.length === 0 ? (
        <EmptyState icon={<ChatIcon width={36} height={36} />} title={status === 'open' ? 'Keine offenen Nachrichten' : 'Keine abgeschlossenen Nachrichten'}>
          Hier erscheinen Ihre Nachrichten an Ihren Berater und seine Antworten.
        </EmptyState>
      ) : (
        <TicketList items={items} hrefOf={(id) => `/portal/messages/${id}`} audience="client" />
      )}
    </>
  );
}
