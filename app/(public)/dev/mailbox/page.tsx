import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/card';
import { MailIcon } from '@/components/ui/icons';
import { Table, Td } from '@/components/ui/table';
import { listMailbox, mailboxAllowed } from '@/lib/mail/mailbox';
import { publicCtx } from '@/lib/request/ctx';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('mailbox'))('title') };
}

export default async function MailboxPage() {
  if (!mailboxAllowed(await headers())) notFound();
  const ctx = await publicCtx();
  const { tenant } = ctx;
  const t = await getTranslations('mailbox');
  const format = await getFormatter();
  const mails = await listMailbox(ctx);
  return (
    <main className="mx-auto max-w-5xl px-5 py-10">
      <h1 className="text-2xl font-bold">
        {t('title')} · {tenant.name}
      </h1>
      <Alert className="mt-4">{t('intro')}</Alert>
      <div className="mt-6">
        {mails.length === 0 ? (
          <EmptyState icon={<MailIcon width={36} height={36} />} title={t('empty')} />
        ) : (
          <Table caption={t('title')} head={[t('created'), t('to'), t('subject'), t('status'), '']}>
            {mails.map((m) => (
              <tr key={m.id}>
                <Td className="whitespace-nowrap text-gray-600">
                  {format.dateTime(m.createdAt, { dateStyle: 'short', timeStyle: 'medium' })}
                </Td>
                <Td>{m.to}</Td>
                <Td className="font-medium">{m.subject}</Td>
                <Td>{m.status}</Td>
                <Td>
                  <Link className="font-semibold text-primary hover:underline" href={`/dev/mailbox/${m.id}`}>
                    {t('show')}
                  </Link>
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </div>
    </main>
  );
}
