import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { FolderIcon } from '@/components/ui/icons';
import { requireClient } from '@/lib/auth/current';

export const metadata: Metadata = { title: 'Mein Ordner' };

/** The client's start page. Until FREIGABEN exist (nothing is granted by default) it explains the empty folder. */
export default async function PortalPage() {
  const { tenant, user } = await requireClient();
  const t = await getTranslations('portal');
  return (
    <>
      <PageHeader title={t('greeting', { name: user.firstName })} />
      <EmptyState icon={<FolderIcon width={40} height={40} />} title={t('emptyTitle')}>
        <p>{t('emptyText', { tenant: tenant.name })}</p>
        <p className="mt-2">{t('emptyContact')}</p>
      </EmptyState>
    </>
  );
}
