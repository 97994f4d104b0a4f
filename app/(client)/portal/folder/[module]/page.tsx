import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { FolderIcon } from '@/components/ui/icons';
import { folderModules, moduleNames, type FolderModule } from '@/lib/access/freigaben';
import { requireModule } from '@/lib/portal/context';

export const metadata: Metadata = { title: 'Bereich' };

/** One folder area; the contracts issue fills the list. Invisible areas are 404, whatever the URL says. */
export default async function FolderModulePage({ params }: { params: Promise<{ module: string }> }) {
  const { module } = await params;
  if (!folderModules.includes(module as FolderModule)) notFound();
  const { rights } = await requireModule(module as FolderModule);
  return (
    <>
      <Link href="/portal/folder" className="text-sm font-medium text-primary hover:underline">
        ← DIGITALER ORDNER
      </Link>
      <PageHeader title={moduleNames[module as FolderModule]} subtitle={rights.mayCreateEditOwn ? 'Sie können hier eigene Verträge anlegen und Dokumente hochladen.' : 'Sie können die Inhalte dieses Bereichs lesen.'} />
      <EmptyState icon={<FolderIcon width={36} height={36} />} title="Noch keine Verträge in diesem Bereich">
        {rights.seesAdvisorItems ? 'Sobald Ihr Berater hier Verträge und Dokumente ablegt, sehen Sie sie an dieser Stelle.' : 'Hier erscheinen die Verträge, die Sie selbst anlegen.'}
      </EmptyState>
    </>
  );
}
