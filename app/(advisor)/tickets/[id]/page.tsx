import type { Metadata } from 'next';
import Link from 'next/link';
import { History, Thread } from '@/components/tickets/thread';
import { ReplyForm } from '@/components/tickets/message-form';
import { TicketActions } from '@/components/tickets/ticket-actions';
import { Card } from '@/components/ui/card';
import { requireAdvisor } from '@/lib/auth/current';
import { idParam, orNotFound } from '@/lib/contracts/page-data';
import { closeAction, forwardAction, replyAction } from '@/lib/tickets/actions';
import { employeesForTickets, ticketFor } from '@/lib/tickets/read';
import { statusLabels } from '@/lib/tickets/rules';

export const metadata: Metadata = { title: 'Ticket' };

export default async function AdvisorTicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { tenant, user } = await requireAdvisor();
  const id = idParam((await params).id);
  const data = await orNotFound(() => ticketFor(tenant.id, user, id));
  const t = data.ticket;
  const employees = data.rights.forward ? (await employeesForTickets(tenant.id, data.contact)).filter((e) => e.id !== t.assigneeId) : [];
  return (
    <>
      <Link href={t.status === 'closed' ? '/tickets?status=closed' : '/tickets'} className="text-sm font-medium text-primary hover:underline">
        ← KOMMUNIKATION
      </Link>
      <header className="mb-6 mt-2 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h1 className="break-words text-2xl font-bold tracking-tight text-ink sm:text-3xl">{t.subject}</h1>
          <p className="mt-1 text-sm text-gray-600">
            <span className={t.status === 'open' ? 'font-semibold text-emerald-700' : 'font-semibold text-gray-600'}>{statusLabels[t.status]}</span> ·{' '}
            <Link href={`/contacts/${t.contactId}`} className="font-medium text-primary hover:underline">
              {data.contact.firstName} {data.contact.lastName}
            </Link>{' '}
            · zuständig: <span data-testid="assignee">{data.assigneeName}</span>
            {data.contract ? (
              <>
                {' · '}
                <Link href={`/contacts/${t.contactId}/contracts/${data.contract.id}`} className="text-primary hover:underline">
                  {data.contract.label}
                </Link>
              </>
            ) : null}
          </p>
        </div>
        <TicketActions ticketId={t.id} forward={forwardAction} close={closeAction} employees={employees} canForward={data.rights.forward} canClose={data.rights.close} />
      </header>
      <div className="space-y-6">
        <Thread messages={data.messages} />
        {data.rights.reply ? (
          <Card>
            <ReplyForm action={replyAction} ticketId={t.id} contactId={t.contactId} hint={t.status === 'closed' ? 'Eine Antwort öffnet das Ticket wieder.' : 'Der Kunde bekommt eine E-Mail ohne Inhalt mit einem Link ins Portal.'} />
          </Card>
        ) : (
          <p className="text-sm text-gray-600">Sie können dieses Ticket lesen, aber nicht beantworten.</p>
        )}
        <History entries={data.history} />
      </div>
    </>
  );
}
