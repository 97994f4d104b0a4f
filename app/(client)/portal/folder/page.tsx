import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { FolderAreas } from '@/components/portal/folder-areas';
import { PageHeader } from '@/components/ui/card';
import { folderModules, rightsOf } from '@/lib/access/freigaben';
import { clientContext } from '@/lib/portal/context';

export const metadata: Metadata = { title: 'DIGITALER ORDNER' };

export default async function FolderPage() {
  const { grants } = await clientContext();
  if (!folderModules.some((m) => rightsOf(grants, m).visible)) notFound();
  return (
    <>
      <PageHeader title="DIGITALER ORDNER" subtitle="Wählen Sie einen Bereich." />
      <FolderAreas grants={grants} base="/portal" />
    </>
  );
}
