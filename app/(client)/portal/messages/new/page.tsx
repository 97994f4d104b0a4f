import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { NewTicketForm } from '@/components/tickets/message-form';
import { Card, PageHeader } from '@/components/ui/card';
import { requireModule } from '@/lib/portal/context';
import { createTicketAction } from '@/lib/tickets/actions';
import { newTicketOptions } from '@/lib/tickets/read';

export const metadata: Metadata = { title: 'NEUE NACHRICHT' };

export default async function NewMessagePage() {
  const { actor, rights } = await requireModule('communication');
  if (!rights.mayCreateEditOwn) notFound();
  const { employees, advisorId, contracts } = await newTicketOptions(actor.tenant.id, actor.user);
  return (
    <>
      <Link href="/portal/messages" className="text-sm font-medium text-primary hover:underline">
        ← KOMMUNIKATION
      </Link>
      <PageHeader title="NEUE NACHRICHT" subtitle="Ihr Ansprechpartner bekommt sofort eine E-Mail – der Inhalt bleibt geschützt im Portal." />
      <Card className="max-w-3xl">
        <NewTicketForm action={createTicketAction} employees={employees} defaultAssignee={advisorId ?? undefined} contracts={contracts} />
      </Card>
    </>
  );
}
