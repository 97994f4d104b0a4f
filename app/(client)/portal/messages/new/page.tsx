import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { NewTicketForm } from '@/components/tickets/message-form';
import { Card, PageHeader } from '@/components/ui/card';
import { clientCtx } from '@/lib/request/ctx';
import { reminderTicketPrefill } from '@/lib/reminders/prefill';
import { newTicketOptions } from '@/lib/tickets/create';
import { myTicketRights } from '@/lib/tickets/list';
import { ClientMessages } from '@/components/i18n/client-messages';
import { isUuid } from '@/lib/request/params';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tickets.portal'))('newTitle') };
}

export default async function NewMessagePage({
  searchParams,
}: {
  searchParams: Promise<{ vertrag?: string; frist?: string }>;
}) {
  const ctx = await clientCtx();
  if (!(await myTicketRights(ctx)).write) notFound();
  const t = await getTranslations('tickets');
  const { employees, advisorId, contracts } = await newTicketOptions(ctx);
  const { vertrag, frist } = await searchParams;
  const prefill =
    vertrag && isUuid(vertrag) ? await reminderTicketPrefill(ctx, { contractId: vertrag, deadlineId: frist }) : null;
  return (
    <ClientMessages pick={['errors', 'forms', 'tickets', 'uploads']}>
      <>
        <Link href="/portal/messages" className="text-sm font-medium text-primary hover:underline">
          {t('back')}
        </Link>
        <PageHeader title={t('portal.newTitle')} subtitle={t('portal.newSubtitle')} />
        <Card className="max-w-3xl">
          <NewTicketForm
            employees={employees}
            defaultAssignee={advisorId ?? undefined}
            contracts={contracts}
            prefill={prefill}
          />
        </Card>
      </>
    </ClientMessages>
  );
}
