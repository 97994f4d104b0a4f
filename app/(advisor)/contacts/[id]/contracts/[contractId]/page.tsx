import type { Metadata } from 'next';
import Link from 'next/link';
import { ContractView } from '@/components/contracts/contract-view';
import { PageHeader } from '@/components/ui/card';
import { moduleNames } from '@/lib/access/freigaben';
import { requireAdvisor } from '@/lib/auth/current';
import { areaConfig } from '@/lib/contracts/areas';
import { idParam, orNotFound } from '@/lib/contracts/page-data';
import { contractOf, documentsOf, productsFor, providersFor } from '@/lib/contracts/read';
import { notFound } from 'next/navigation';
import { ticketsFor } from '@/lib/tickets/read';

export const metadata: Metadata = { title: 'Vertrag' };

export default async function AdvisorContractPage({ params, searchParams }: { params: Promise<{ id: string; contractId: string }>; searchParams: Promise<{ neu?: string }> }) {
  const { tenant, user } = await requireAdvisor();
  const { id, contractId } = await params;
  const detail = await orNotFound(() => contractOf(tenant.id, user, idParam(contractId)));
  if (detail.contract.contactId !== id) notFound();
  const area = detail.contract.area;
  const cfg = areaConfig[area];
  const [documents, products, providers, linked] = await Promise.all([
    documentsOf(tenant.id, user, { contactId: id, area, contractId }),
    detail.mayChange ? productsFor(area) : Promise.resolve([]),
    detail.mayChange && cfg.providerKind ? providersFor(tenant.id, cfg.providerKind) : Promise.resolve([]),
    ticketsFor(tenant.id, user, { status: 'any', scope: 'all', contactId: id, contractId, limit: 20 }),
  ]);
  return (
    <>
      <nav className="flex flex-wrap gap-1 text-sm font-medium text-primary" aria-label="Pfad">
        <Link href={`/contacts/${id}`} className="hover:underline">
          {detail.contact.firstName} {detail.contact.lastName}
        </Link>
        <span className="text-gray-400">/</span>
        <Link href={`/contacts/${id}/folder/${area}`} className="hover:underline">
          {moduleNames[area]}
        </Link>
      </nav>
      <PageHeader title={`${cfg.itemLabel}: ${detail.contract.product}`} />
      <ContractView detail={detail} audience="advisor" products={products} providers={providers} documents={documents} viewerBase="/documents" created={(await searchParams).neu === '1'} tickets={linked.items} />
    </>
  );
}
