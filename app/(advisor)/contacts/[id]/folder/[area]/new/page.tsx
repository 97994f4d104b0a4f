import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ContractForm } from '@/components/contracts/contract-form';
import { Card, PageHeader } from '@/components/ui/card';
import { createContractAction } from '@/lib/contracts/actions';
import { areaConfig } from '@/lib/contracts/areas';
import { productNames, productSparten, providerNames } from '@/lib/contracts/catalog';
import { listArea } from '@/lib/contracts/list';
import { advisorCtx } from '@/lib/request/ctx';
import { areaParam, idParam, orNotFound } from '@/lib/request/params';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('contracts.pages'))('newTitle') };
}

export default async function NewContractPage({ params }: { params: Promise<{ id: string; area: string }> }) {
  const ctx = await advisorCtx();
  const t = await getTranslations('contracts.pages');
  const tk = await getTranslations();
  const { id: rawId, area: raw } = await params;
  const id = idParam(rawId);
  const area = areaParam(raw);
  const data = await orNotFound(() => listArea(ctx, { contactId: id, area }));
  if (!data.mayAdd) notFound();
  const cfg = areaConfig[area];
  const [products, sparten, providers] = await Promise.all([
    productNames(ctx, { area }),
    productSparten(ctx, { area }),
    cfg.providerKind ? providerNames(ctx, { kind: cfg.providerKind }) : Promise.resolve([]),
  ]);
  const moduleName = tk(`grants.modules.${area}`);
  return (
    <ClientMessages pick={['contracts', 'errors', 'forms']}>
      <>
        <Link href={`/contacts/${id}/folder/${area}`} className="text-sm font-medium text-primary hover:underline">
          ← {moduleName}
        </Link>
        <PageHeader
          title={tk(cfg.addLabel)}
          subtitle={`${moduleName} · ${data.contact.firstName} ${data.contact.lastName}`}
        />
        <Card className="max-w-4xl">
          <ContractForm
            action={createContractAction}
            area={area}
            initial={{ contactId: id }}
            products={products}
            sparten={sparten}
            providers={providers}
            submitLabel={t('save')}
            cancelHref={`/contacts/${id}/folder/${area}`}
          />
        </Card>
      </>
    </ClientMessages>
  );
}
