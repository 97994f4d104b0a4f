import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AreaView } from '@/components/contracts/area-view';
import { PageHeader } from '@/components/ui/card';
import { listArea } from '@/lib/contracts/list';
import { listDocuments } from '@/lib/documents/list';
import { advisorCtx } from '@/lib/request/ctx';
import { areaParam, idParam, orNotFound } from '@/lib/request/params';
import { ClientMessages } from '@/components/i18n/client-messages';
import { documentClientMessages } from '@/components/documents/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('contracts.pages'))('areaTitle') };
}

export default async function AdvisorAreaPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; area: string }>;
  searchParams: Promise<{ geloescht?: string }>;
}) {
  const ctx = await advisorCtx();
  const t = await getTranslations('contracts.pages');
  const tk = await getTranslations();
  const { id: rawId, area: raw } = await params;
  const id = idParam(rawId);
  const area = areaParam(raw);
  const data = await orNotFound(() => listArea(ctx, { contactId: id, area }));
  const documents = await listDocuments(ctx, { contactId: id, area, contractId: null });
  const name = `${data.contact.firstName} ${data.contact.lastName}`;
  return (
    <ClientMessages pick={documentClientMessages}>
      <>
        <Link href={`/contacts/${id}`} className="text-sm font-medium text-primary hover:underline">
          ← {name}
        </Link>
        <PageHeader title={tk(`grants.modules.${area}`)} subtitle={t('folderOf', { name })} />
        <AreaView
          area={area}
          audience="advisor"
          contactId={id}
          items={data.items}
          annualCents={data.annualCents}
          mayAdd={data.mayAdd}
          documents={documents}
          newHref={`/contacts/${id}/folder/${area}/new`}
          contractHref={(c) => `/contacts/${id}/contracts/${c}`}
          viewerBase="/documents"
          deleted={(await searchParams).geloescht === '1'}
          emptyText={data.mayAdd ? t('emptyMayAdd') : t('emptyReadOnly')}
        />
      </>
    </ClientMessages>
  );
}
