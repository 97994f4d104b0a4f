import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ProtocolItem } from '@/lib/protocol/list';
import { ProtocolTable } from './protocol-table';

/** "Zugriffe" on the contact page: who opened it, viewed or downloaded which document, exported the data. */
export async function ContactAccesses({ items, contactId }: { items: ProtocolItem[]; contactId: string }) {
  const t = await getTranslations('protocol.accesses');
  return (
    <section className="mt-8">
      <h2 className="text-lg font-semibold">{t('title')}</h2>
      <p className="mb-2 mt-1 text-sm text-gray-600">{t('hint')}</p>
      {items.length === 0 ? (
        <p className="text-sm text-gray-600">{t('none')}</p>
      ) : (
        <ProtocolTable items={items} compact />
      )}
      <Link
        href={`/settings/protokoll?contact=${contactId}`}
        className="mt-2 inline-block text-sm font-medium text-primary hover:underline"
      >
        {t('all')}
      </Link>
    </section>
  );
}
