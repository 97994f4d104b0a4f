import type { Metadata } from 'next';
import Link from 'next/link';
import { History, Thread } from '@/components/tickets/thread';
import { ReplyForm } from '@/components/tickets/message-form';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { idParam, orNotFound } from '@/lib/contracts/page-data';
import { requireModule } from '@/lib/portal/context';
import { replyAction } from '@/lib/tickets/actions';
import { ticketFor } from '@/lib/tickets/read';
import { statusLabels } from '@/lib/tickets/rules';

export const metadata: Metadata = { title: 'Nachricht' };

export default async function ClientTicketPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ gesendet?: string }> }) {
  const { actor } = await requireModule('communication');
  const id = idParam((await params).id);
  const data = await orNotFound(() => ticketFor(actor.tenant.id, actor.user, id));
  const t = data.ticket;
  return (
    <>
      <Link href={t.status === 'closed' ? '/portal/messages?status=closed' : '/portal/messages'} className="text-sm font-medium text-primary hover:underline">
        ← KOMMUNIKATION
      </Link>
      <header className="mb-5 mt-2">
        <h1 className="break-words text-2xl font-bold tracking-tight text-ink">{t.subject}</h1>
        <p className="mt-1 text-sm text-gray-600">
          {statusLabels[t.status]} · an {data.assigneeName}
          {data.contract ? ` · ${data.contract.label}` : ''}
        </p>
      </header>
      {(await searchParams).gesendet === '1' ? <Alert tone="success" className="mb-4">Ihre Nachricht ist gesendet. {data.assigneeName} wurde per E-Mail benachrichtigt.</Alert> : null}
      <div className="space-y-5">
        <Thread messages={data.messages} />
        {data.rights.reply ? (
          <Card>
            <ReplyForm action={replyAction} ticketId={t.id} hint={t.status === 'closed' ? 'Ihre Antwort öffnet das Ticket wieder.' : undefined} />
          </Card>
        ) : null}
        <History entries={data.history} />
      </div>
    </>
  );
}
