import type { Metadata } from 'next';
import Link from 'next/link';
import { ContractView } from '@/components/contracts/contract-view';
import { moduleNames } from '@/lib/access/freigaben';
import { requireClient } from '@/lib/auth/current';
import { areaConfig } from '@/lib/contracts/areas';
import { idParam, orNotFound } from '@/lib/contracts/page-data';
import { contractOf, documentsOf, productsFor, providersFor } from '@/lib/contracts/read';

export const metadata: Metadata = { title: 'Vertrag' };

export default async function ClientContractPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ neu?: string }> }) {
  const { tenant, user } = await requireClient();
  const detail = await orNotFound(async () => contractOf(tenant.id, user, idParam((await params).id)));
  const c = detail.contract;
  const cfg = areaConfig[c.area];
  const [documents, products, providers] = await Promise.all([
    documentsOf(tenant.id, user, { contactId: user.id, area: c.area, contractId: c.id }),
    detail.mayChange ? productsFor(c.area) : Promise.resolve([]),
    detail.mayChange && cfg.providerKind ? providersFor(tenant.id, cfg.providerKind) : Promise.resolve([]),
  ]);
  return (
    <>
      <Link href={`/portal/folder/${c.area}`} className="mb-4 inline-block text-sm font-medium text-primary hover:underline">
        ← {moduleNames[c.area]}
      </Link>
      <ContractView detail={detail} audience="client" products={products} providers={providers} documents={documents} viewerBase="/portal/documents" created={(await searchParams).neu === '1'} />
    </>
  );
}
