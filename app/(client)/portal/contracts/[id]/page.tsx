import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ContractView } from '@/components/contracts/contract-view';
import { areaConfig } from '@/lib/contracts/areas';
import { productNames, productSparten, providerNames } from '@/lib/contracts/catalog';
import { deadlinesOfContract } from '@/lib/fristen/for-contract';
import { getContract } from '@/lib/contracts/get';
import { listDocuments } from '@/lib/documents/list';
import { clientCtx } from '@/lib/request/ctx';
import { idParam, orNotFound } from '@/lib/request/params';
import { ClientMessages } from '@/components/i18n/client-messages';
import { ReminderSwitch } from '@/components/reminders/reminder-switch';
import { contractReminderOn } from '@/lib/reminders/optin';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('contracts.pages'))('contractTitle') };
}

export default async function ClientContractPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ neu?: string }>;
}) {
  const ctx = await clientCtx();
  const tk = await getTranslations();
  const detail = await orNotFound(async () => getContract(ctx, { id: idParam((await params).id) }));
  const c = detail.contract;
  const cfg = areaConfig[c.area];
  const [documents, products, sparten, providers, deadlines, reminderOn] = await Promise.all([
    listDocuments(ctx, { contactId: ctx.actor.id, area: c.area, contractId: c.id }),
    detail.mayChange ? productNames(ctx, { area: c.area }) : Promise.resolve([]),
    detail.mayChange ? productSparten(ctx, { area: c.area }) : Promise.resolve({}),
    detail.mayChange && cfg.providerKind ? providerNames(ctx, { kind: cfg.providerKind }) : Promise.resolve([]),
    deadlinesOfContract(ctx, c),
    contractReminderOn(ctx, { contractId: c.id }),
  ]);
  return (
    <ClientMessages pick={['contracts', 'documents', 'errors', 'forms', 'uploads', 'reminders.switch']}>
      <>
        <Link
          href={`/portal/folder/${c.area}`}
          className="mb-4 inline-block text-sm font-medium text-primary hover:underline"
        >
          ← {tk(`grants.modules.${c.area}`)}
        </Link>
        <ContractView
          detail={detail}
          audience="client"
          products={products}
          sparten={sparten}
          providers={providers}
          deadlines={detail.contract.area === 'insurance' ? deadlines : undefined}
          documents={documents}
          viewerBase="/portal/documents"
          created={(await searchParams).neu === '1'}
        />
        {c.area === 'insurance' ? <ReminderSwitch contractId={c.id} on={reminderOn} /> : null}
      </>
    </ClientMessages>
  );
}
