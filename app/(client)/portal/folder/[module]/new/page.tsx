import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ContractForm } from '@/components/contracts/contract-form';
import { Card, PageHeader } from '@/components/ui/card';
import { createContractAction } from '@/lib/contracts/actions';
import { areaConfig } from '@/lib/contracts/areas';
import { productNames, productSparten, providerNames } from '@/lib/contracts/catalog';
import { requireModule } from '@/lib/portal/context';
import { areaParam } from '@/lib/request/params';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('contracts.pages'))('newTitle') };
}

export default async function ClientNewContractPage({ params }: { params: Promise<{ module: string }> }) {
  const area = areaParam((await params).module);
  const { ctx, rights } = await requireModule(area);
  if (!rights.mayCreateEditOwn) notFound();
  const t = await getTranslations('contracts.pages');
  const tk = await getTranslations();
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
        <Link href={`/portal/folder/${area}`} className="text-sm font-medium text-primary hover:underline">
          ← {moduleName}
        </Link>
        <PageHeader title={tk(cfg.addLabel)} subtitle={moduleName} />
        <Card>
          <ContractForm
            action={createContractAction}
            area={area}
            initial={{}}
            products={products}
            sparten={sparten}
            providers={providers}
            submitLabel={t('save')}
            cancelHref={`/portal/folder/${area}`}
          />
        </Card>
      </>
    </ClientMessages>
  );
}
