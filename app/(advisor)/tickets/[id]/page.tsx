import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { History, Thread } from '@/components/tickets/thread';
import { ReplyForm } from '@/components/tickets/message-form';
import { TicketActions } from '@/components/tickets/ticket-actions';
import { Card } from '@/components/ui/card';
import { advisorCtx } from '@/lib/request/ctx';
import { idParam, orNotFound } from '@/lib/request/params';
import { forwardTargets } from '@/lib/tickets/assignees';
import { openTicket } from '@/lib/tickets/open';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tickets.advisor'))('ticket') };
}

export default async function AdvisorTicketPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await advisorCtx();
  const ticketId = idParam((await params).id);
  const data = await orNotFound(() => openTicket(ctx, { ticketId }));
  const t = await getTranslations('tickets');
  const ticket = data.ticket;
  const employees = data.rights.forward ? await forwardTargets(ctx, { ticketId }) : [];
  return (
    <ClientMessages pick={['errors', 'forms', 'tickets', 'uploads']}>
      <>
        <Link
          href={ticket.status === 'closed' ? '/tickets?status=closed' : '/tickets'}
          className="text-sm font-medium text-primary hover:underline"
        >
          {t('back')}
        </Link>
        <header className="mb-6 mt-2 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <h1 className="break-words text-2xl font-bold tracking-tight text-ink sm:text-3xl">{ticket.subject}</h1>
            <p className="mt-1 text-sm text-gray-600">
              <span
                className={ticket.status === 'open' ? 'font-semibold text-emerald-700' : 'font-semibold text-gray-600'}
              >
                {t(`status.${ticket.status}`)}
              </span>{' '}
              ·{' '}
              <Link href={`/contacts/${ticket.contactId}`} className="font-medium text-primary hover:underline">
                {data.contact.firstName} {data.contact.lastName}
              </Link>{' '}
              · {t('advisor.assignee')} <span data-testid="assignee">{data.assigneeName}</span>
              {data.contract ? (
                <>
                  {' · '}
                  <Link
                    href={`/contacts/${ticket.contactId}/contracts/${data.contract.id}`}
                    className="text-primary hover:underline"
                  >
                    {data.contract.label}
                  </Link>
                </>
              ) : null}
            </p>
          </div>
          <TicketActions
            ticketId={ticket.id}
            employees={employees}
            canForward={data.rights.forward}
            canClose={data.rights.close}
          />
        </header>
        <div className="space-y-6">
          <Thread messages={data.messages} />
          {data.rights.reply ? (
            <Card>
              <ReplyForm
                ticketId={ticket.id}
                contactId={ticket.contactId}
                hint={ticket.status === 'closed' ? t('advisor.hintReopens') : t('advisor.hintMail')}
              />
            </Card>
          ) : (
            <p className="text-sm text-gray-600">{t('advisor.readOnly')}</p>
          )}
          <History entries={data.history} />
        </div>
      </>
    </ClientMessages>
  );
}
