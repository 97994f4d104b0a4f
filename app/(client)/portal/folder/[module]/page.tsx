import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AreaView } from '@/components/contracts/area-view';
import { PageHeader } from '@/components/ui/card';
import { listArea } from '@/lib/contracts/list';
import { listDocuments } from '@/lib/documents/list';
import { requireModule } from '@/lib/portal/context';
import { areaParam, orNotFound } from '@/lib/request/params';
import { ClientMessages } from '@/components/i18n/client-messages';
import { documentClientMessages } from '@/components/documents/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('contracts.pages'))('areaTitle') };
}

/** One folder area of the client; invisible areas are 404, whatever the URL says. */
export default async function FolderModulePage({
  params,
  searchParams,
}: {
  params: Promise<{ module: string }>;
  searchParams: Promise<{ geloescht?: string }>;
}) {
  const area = areaParam((await params).module);
  const { ctx, rights } = await requireModule(area);
  const t = await getTranslations('contracts.portal');
  const tk = await getTranslations();
  const data = await orNotFound(() => listArea(ctx, { contactId: ctx.actor.id, area }));
  const documents = await listDocuments(ctx, { contactId: ctx.actor.id, area, contractId: null });
  return (
    <ClientMessages pick={documentClientMessages}>
      <>
        <Link href="/portal/folder" className="text-sm font-medium text-primary hover:underline">
          ← {t('folderTitle')}
        </Link>
        <PageHeader
          title={tk(`grants.modules.${area}`)}
          subtitle={rights.mayCreateEditOwn ? t('mayAdd') : t('readOnly')}
        />
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
          emptyText={rights.seesAdvisorItems ? t('emptyAdvisor') : t('emptyOwn')}
        />
      </>
    </ClientMessages>
  );
}
