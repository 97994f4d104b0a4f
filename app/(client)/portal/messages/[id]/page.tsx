import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { History, Thread } from '@/components/tickets/thread';
import { ReplyForm } from '@/components/tickets/message-form';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { clientCtx } from '@/lib/request/ctx';
import { idParam, orNotFound } from '@/lib/request/params';
import { myTicketRights } from '@/lib/tickets/list';
import { openTicket } from '@/lib/tickets/open';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tickets.portal'))('message') };
}

export default async function ClientTicketPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ gesendet?: string }>;
}) {
  const ctx = await clientCtx();
  if (!(await myTicketRights(ctx)).read) notFound();
  const ticketId = idParam((await params).id);
  const data = await orNotFound(() => openTicket(ctx, { ticketId }));
  const t = await getTranslations('tickets');
  const ticket = data.ticket;
  return (
    <ClientMessages pick={['errors', 'forms', 'tickets', 'uploads']}>
      <>
        <Link
          href={ticket.status === 'closed' ? '/portal/messages?status=closed' : '/portal/messages'}
          className="text-sm font-medium text-primary hover:underline"
        >
          {t('back')}
        </Link>
        <header className="mb-5 mt-2">
          <h1 className="break-words text-2xl font-bold tracking-tight text-ink">{ticket.subject}</h1>
          <p className="mt-1 text-sm text-gray-600">
            {t(`status.${ticket.status}`)} · {t('portal.to', { name: data.assigneeName })}
            {data.contract ? ` · ${data.contract.label}` : ''}
          </p>
        </header>
        {(await searchParams).gesendet === '1' ? (
          <Alert tone="success" className="mb-4">
            {t('portal.sent', { name: data.assigneeName })}
          </Alert>
        ) : null}
        <div className="space-y-5">
          <Thread messages={data.messages} />
          {data.rights.reply ? (
            <Card>
              <ReplyForm ticketId={ticket.id} hint={ticket.status === 'closed' ? t('portal.hintReopens') : undefined} />
            </Card>
          ) : null}
          <History entries={data.history} />
        </div>
      </>
    </ClientMessages>
  );
}
