import type { Metadata } from 'next';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { ChatIcon } from '@/components/ui/icons';
import { requireModule } from '@/lib/portal/context';

export const metadata: Metadata = { title: 'KOMMUNIKATION' };

export default async function MessagesPage() {
  const { rights } = await requireModule('communication');
  return (
    <>
      <PageHeader title="KOMMUNIKATION" subtitle={rights.mayCreateEditOwn ? 'Schreiben Sie Ihrem Berater – sicher und ohne E-Mail.' : 'Nachrichten Ihres Beraters (nur lesen).'} />
      <EmptyState icon={<ChatIcon width={36} height={36} />} title="Noch keine Nachrichten">
        Hier erscheinen Ihre Nachrichten an Ihren Berater und seine Antworten.
      </EmptyState>
    </>
  );
}
