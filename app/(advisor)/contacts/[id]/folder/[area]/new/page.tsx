import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ContractForm } from '@/components/contracts/contract-form';
import { Card, PageHeader } from '@/components/ui/card';
import { moduleNames } from '@/lib/access/freigaben';
import { requireAdvisor } from '@/lib/auth/current';
import { createContractAction } from '@/lib/contracts/actions';
import { areaConfig } from '@/lib/contracts/areas';
import { areaParam, idParam, orNotFound } from '@/lib/contracts/page-data';
import { areaOf, productsFor, providersFor } from '@/lib/contracts/read';

export const metadata: Metadata = { title: 'Vertrag hinzufügen' };

export default async function NewContractPage({ params }: { params: Promise<{ id: string; area: string }> }) {
  const { tenant, user } = await requireAdvisor();
  const { id: rawId, area: raw } = await params;
  const id = idParam(rawId);
  const area = areaParam(raw);
  const data = await orNotFound(() => areaOf(tenant.id, user, id, area));
  if (!data.mayAdd) notFound();
  const cfg = areaConfig[area];
  const [products, providers] = await Promise.all([productsFor(area), cfg.providerKind ? providersFor(tenant.id, cfg.providerKind) : Promise.resolve([])]);
  return (
    <>
      <Link href={`/contacts/${id}/folder/${area}`} className="text-sm font-medium text-primary hover:underline">
        ← {moduleNames[area]}
      </Link>
      <PageHeader title={cfg.addLabel} subtitle={`${moduleNames[area]} · ${data.contact.firstName} ${data.contact.lastName}`} />
      <Card className="max-w-4xl">
        <ContractForm action={createContractAction} area={area} initial={{ contactId: id }} products={products} providers={providers} submitLabel="SPEICHERN" cancelHref={`/contacts/${id}/folder/${area}`} />
      </Card>
    </>
  );
}
