import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ContractForm } from '@/components/contracts/contract-form';
import { Card, PageHeader } from '@/components/ui/card';
import { moduleNames } from '@/lib/access/freigaben';
import { createContractAction } from '@/lib/contracts/actions';
import { areaConfig } from '@/lib/contracts/areas';
import { areaParam } from '@/lib/contracts/page-data';
import { productsFor, providersFor } from '@/lib/contracts/read';
import { requireModule } from '@/lib/portal/context';

export const metadata: Metadata = { title: 'Vertrag hinzufügen' };

export default async function ClientNewContractPage({ params }: { params: Promise<{ module: string }> }) {
  const area = areaParam((await params).module);
  const { actor, rights } = await requireModule(area);
  if (!rights.mayCreateEditOwn) notFound();
  const cfg = areaConfig[area];
  const [products, providers] = await Promise.all([productsFor(area), cfg.providerKind ? providersFor(actor.tenant.id, cfg.providerKind) : Promise.resolve([])]);
  return (
    <>
      <Link href={`/portal/folder/${area}`} className="text-sm font-medium text-primary hover:underline">
        ← {moduleNames[area]}
      </Link>
      <PageHeader title={cfg.addLabel} subtitle={moduleNames[area]} />
      <Card>
        <ContractForm action={createContractAction} area={area} initial={{}} products={products} providers={providers} submitLabel="SPEICHERN" cancelHref={`/portal/folder/${area}`} />
      </Card>
    </>
  );
}
