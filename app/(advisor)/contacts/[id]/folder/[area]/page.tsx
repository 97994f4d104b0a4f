import type { Metadata } from 'next';
import Link from 'next/link';
import { AreaView } from '@/components/contracts/area-view';
import { PageHeader } from '@/components/ui/card';
import { moduleNames } from '@/lib/access/freigaben';
import { requireAdvisor } from '@/lib/auth/current';
import { areaOf, documentsOf } from '@/lib/contracts/read';
import { areaParam, idParam, orNotFound } from '@/lib/contracts/page-data';

export const metadata: Metadata = { title: 'Bereich' };

export default async function AdvisorAreaPage({ params, searchParams }: { params: Promise<{ id: string; area: string }>; searchParams: Promise<{ geloescht?: string }> }) {
  const { tenant, user } = await requireAdvisor();
  const { id: rawId, area: raw } = await params;
  const id = idParam(rawId);
  const area = areaParam(raw);
  const data = await orNotFound(() => areaOf(tenant.id, user, id, area));
  const documents = await documentsOf(tenant.id, user, { contactId: id, area, contractId: null });
  return (
    <>
      <Link href={`/contacts/${id}`} className="text-sm font-medium text-primary hover:underline">
        ← {data.contact.firstName} {data.contact.lastName}
      </Link>
      <PageHeader title={moduleNames[area]} subtitle={`Digitaler Ordner von ${data.contact.firstName} ${data.contact.lastName}`} />
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
        emptyText={data.mayAdd ? 'Legen Sie den ersten Vertrag an.' : 'Hier ist noch nichts abgelegt.'}
      />
    </>
  );
}
