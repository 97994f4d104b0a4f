import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { FolderAreas } from '@/components/portal/folder-areas';
import { PageHeader } from '@/components/ui/card';
import { folderModules, rightsOf } from '@/lib/access/freigaben';
import { clientContext } from '@/lib/portal/context';
import { overviewOf } from '@/lib/contracts/read';
import { formatEuro } from '@/lib/contracts/premium';

export const metadata: Metadata = { title: 'DIGITALER ORDNER' };

export default async function FolderPage() {
  const { actor, grants } = await clientContext();
  if (!folderModules.some((m) => rightsOf(grants, m).visible)) notFound();
  const overview = await overviewOf(actor.tenant.id, actor.user, actor.user.id);
  const summary = Object.fromEntries(overview.areas.map((a) => [a.area, a]));
  return (
    <>
      <PageHeader title="DIGITALER ORDNER" subtitle="Wählen Sie einen Bereich." />
      <FolderAreas grants={grants} base="/portal" summary={summary} />
      {overview.totalAnnualCents > 0 ? (
        <p className="mt-4 flex flex-wrap items-baseline justify-between gap-2 rounded-xl bg-primary-soft px-4 py-3 text-sm" data-testid="folder-total">
          <span className="font-semibold text-ink">Beitragsübersicht: Summe pro Jahr</span>
          <span className="text-lg font-bold text-primary">{formatEuro(overview.totalAnnualCents)}</span>
        </p>
      ) : null}
    </>
  );
}
