import type { Metadata } from 'next';
import Link from 'next/link';
import { AreaView } from '@/components/contracts/area-view';
import { PageHeader } from '@/components/ui/card';
import { moduleNames } from '@/lib/access/freigaben';
import { areaParam, orNotFound } from '@/lib/contracts/page-data';
import { areaOf, documentsOf } from '@/lib/contracts/read';
import { requireModule } from '@/lib/portal/context';

export const metadata: Metadata = { title: 'Bereich' };

/** One folder area of the client; invisible areas are 404, whatever the URL says. */
export default async function FolderModulePage({ params, searchParams }: { params: Promise<{ module: string }>; searchParams: Promise<{ geloescht?: string }> }) {
  const area = areaParam((await params).module);
  const { actor, rights } = await requireModule(area);
  const data = await orNotFound(() => areaOf(actor.tenant.id, actor.user, actor.user.id, area));
  const documents = await documentsOf(actor.tenant.id, actor.user, { contactId: actor.user.id, area, contractId: null });
  return (
    <>
      <Link href="/portal/folder" className="text-sm font-medium text-primary hover:underline">
        ← DIGITALER ORDNER
      </Link>
      <PageHeader title={moduleNames[area]} subtitle={rights.mayCreateEditOwn ? 'Sie können hier eigene Verträge anlegen und Dokumente hochladen.' : 'Sie können die Inhalte dieses Bereichs lesen.'} />
      <AreaView
        area={area}
        audience="client"
        items={data.items}
        annualCents={data.annualCents}
        mayAdd={data.mayAdd}
        documents={documents}
        newHref={`/portal/folder/${area}/new`}
        contractHref={(c) => `/portal/contracts/${c}`}
        viewerBase="/portal/documents"
        deleted={(await searchParams).geloescht === '1'}
        emptyText={rights.seesAdvisorItems ? 'Sobald Ihr Berater hier Verträge und Dokumente ablegt, sehen Sie sie an dieser Stelle.' : 'Hier erscheinen die Verträge, die Sie selbst anlegen.'}
      />
    </>
  );
}
