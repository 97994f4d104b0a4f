import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ContractView } from '@/components/contracts/contract-view';
import { FollowUpPanel } from '@/components/follow-ups/follow-up-panel';
import { PageHeader } from '@/components/ui/card';
import { areaConfig } from '@/lib/contracts/areas';
import { productNames, productSparten, providerNames } from '@/lib/contracts/catalog';
import { deadlinesOfContract } from '@/lib/fristen/for-contract';
import { getContract } from '@/lib/contracts/get';
import { listDocuments } from '@/lib/documents/list';
import { advisorCtx } from '@/lib/request/ctx';
import { idParam, orNotFound } from '@/lib/request/params';
import { listTickets } from '@/lib/tickets/list';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('contracts.pages'))('contractTitle') };
}

export default async function AdvisorContractPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; contractId: string }>;
  searchParams: Promise<{ neu?: string }>;
}) {
  const ctx = await advisorCtx();
  const t = await getTranslations('contracts.pages');
  const tk = await getTranslations();
  const { id, contractId } = await params;
  const detail = await orNotFound(() => getContract(ctx, { id: idParam(contractId) }));
  if (detail.contract.contactId !== id) notFound();
  const area = detail.contract.area;
  const cfg = areaConfig[area];
  const [documents, products, sparten, providers, linked, deadlines] = await Promise.all([
    listDocuments(ctx, { contactId: id, area, contractId }),
    detail.mayChange ? productNames(ctx, { area }) : Promise.resolve([]),
    detail.mayChange ? productSparten(ctx, { area }) : Promise.resolve({}),
    detail.mayChange && cfg.providerKind ? providerNames(ctx, { kind: cfg.providerKind }) : Promise.resolve([]),
    listTickets(ctx, { status: 'any', scope: 'all', contactId: id, contractId, limit: 20 }),
    deadlinesOfContract(ctx, detail.contract),
  ]);
  return (
    <ClientMessages pick={['contracts', 'documents', 'errors', 'forms', 'uploads']}>
      <>
        <nav className="flex flex-wrap gap-1 text-sm font-medium text-primary" aria-label={t('path')}>
          <Link href={`/contacts/${id}`} className="hover:underline">
            {detail.contact.firstName} {detail.contact.lastName}
          </Link>
          <span className="text-gray-400">/</span>
          <Link href={`/contacts/${id}/folder/${area}`} className="hover:underline">
            {tk(`grants.modules.${area}`)}
          </Link>
        </nav>
        <PageHeader title={t('contractHeading', { item: tk(cfg.itemLabel), product: detail.contract.product })} />
        <ContractView
          detail={detail}
          audience="advisor"
          products={products}
          sparten={sparten}
          providers={providers}
          deadlines={detail.contract.area === 'insurance' ? deadlines : undefined}
          documents={documents}
          viewerBase="/documents"
          created={(await searchParams).neu === '1'}
          tickets={linked.items}
        />
        <FollowUpPanel ctx={ctx} contactId={id} contractId={contractId} />
      </>
    </ClientMessages>
  );
}
