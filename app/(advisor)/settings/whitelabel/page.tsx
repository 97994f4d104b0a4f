import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BrandingUpload } from '@/components/settings/branding-upload';
import { ColorsForm } from '@/components/settings/colors-form';
import { logoUrl } from '@/lib/tenant/branding';
import { Card, PageHeader } from '@/components/ui/card';
import { canManageUsers } from '@/lib/access/employee';
import { requireAdvisor } from '@/lib/auth/current';

export const metadata: Metadata = { title: 'WHITELABEL' };

export default async function WhitelabelPage() {
  const { tenant, user } = await requireAdvisor();
  if (!canManageUsers(user)) notFound();
  return (
    <>
      <Link href="/settings" className="text-sm font-medium text-primary hover:underline">
        ← EINSTELLUNGEN
      </Link>
      <PageHeader title="WHITELABEL" subtitle="Die Farben Ihres Portals, Ihrer Login-Seite und Ihrer E-Mails." />
      <Card className="mb-6">
        <h2 className="text-lg font-semibold">LOGO und FAVICON</h2>
        <div className="mt-4 grid gap-8 lg:grid-cols-2">
          <BrandingUpload kind="logo" label="LOGO" hint="PNG, JPEG oder WebP, höchstens 2 MB. Wird auf höchstens 800 × 240 Pixel verkleinert; SVG ist aus Sicherheitsgründen nicht möglich." currentUrl={logoUrl(tenant)} />
          <BrandingUpload kind="favicon" label="FAVICON" hint="Quadratisches PNG (z. B. 512 × 512) oder ICO, höchstens 2 MB. Erscheint im Browser-Tab und auf dem Startbildschirm." currentUrl={tenant.faviconKey ? `/api/tenant/icon?v=${tenant.brandingVersion}` : null} />
        </div>
      </Card>
      <Card>
        <h2 className="mb-4 text-lg font-semibold">Farben</h2>
        <ColorsForm tenantName={tenant.name} initial={{ primary: tenant.primaryColor, secondary: tenant.secondaryColor, font: tenant.fontColor }} />
      </Card>
    </>
  );
}
