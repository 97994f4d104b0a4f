import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BrandingUpload } from '@/components/settings/branding-upload';
import { ColorsForm } from '@/components/settings/colors-form';
import { Card, PageHeader } from '@/components/ui/card';
import { canManageSettings } from '@/lib/access/employee';
import { advisorCtx } from '@/lib/request/ctx';
import { logoUrl } from '@/lib/tenant/branding';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings.whitelabel'))('title') };
}

export default async function WhitelabelPage() {
  const { tenant, actor } = await advisorCtx();
  if (!canManageSettings(actor)) notFound();
  const t = await getTranslations('settings');
  return (
    <ClientMessages pick={['settings', 'uploads']}>
      <>
        <Link href="/settings" className="text-sm font-medium text-primary hover:underline">
          {t('backToSettings')}
        </Link>
        <PageHeader title={t('whitelabel.title')} subtitle={t('whitelabel.subtitle')} />
        <Card className="mb-6">
          <h2 className="text-lg font-semibold">{t('whitelabel.brandingTitle')}</h2>
          <div className="mt-4 grid gap-8 lg:grid-cols-2">
            <BrandingUpload
              kind="logo"
              label={t('whitelabel.logo')}
              hint={t('whitelabel.logoHint')}
              currentUrl={logoUrl(tenant)}
            />
            <BrandingUpload
              kind="favicon"
              label={t('whitelabel.favicon')}
              hint={t('whitelabel.faviconHint')}
              currentUrl={tenant.faviconKey ? `/api/tenant/icon?v=${tenant.brandingVersion}` : null}
            />
          </div>
        </Card>
        <Card>
          <h2 className="mb-4 text-lg font-semibold">{t('whitelabel.colorsTitle')}</h2>
          <ColorsForm
            tenantName={tenant.name}
            initial={{ primary: tenant.primaryColor, secondary: tenant.secondaryColor, font: tenant.fontColor }}
          />
        </Card>
      </>
    </ClientMessages>
  );
}
