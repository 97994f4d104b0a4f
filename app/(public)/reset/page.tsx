import type { Metadata } from 'next';
import Link from 'next/link';
import { PublicCard } from '@/components/auth/public-card';
import { ResetRequestForm } from '@/components/auth/reset-request-form';
import { logoUrl } from '@/lib/tenant/branding';
import { requireTenant } from '@/lib/tenant/request';

export const metadata: Metadata = { title: 'Passwort vergessen' };

export default async function ResetPage() {
  const tenant = await requireTenant();
  return (
    <PublicCard tenantName={tenant.name} logoUrl={logoUrl(tenant)} title="Passwort vergessen?" intro="Geben Sie Ihren Benutzernamen oder Ihre E-Mail-Adresse ein. Sie erhalten einen Link, mit dem Sie – bestätigt durch Ihre PIN – ein neues Passwort vergeben.">
      <ResetRequestForm />
      <p className="mt-6 text-center text-sm">
        <Link href="/login" className="font-medium text-primary hover:underline">
          Zurück zum Login
        </Link>
      </p>
    </PublicCard>
  );
}
