import type { Metadata } from 'next';
import Link from 'next/link';
import { PublicCard } from '@/components/auth/public-card';
import { LeadForm } from '@/components/leads/lead-form';
import { serverEnv } from '@/lib/env';
import { leadFormToken, leadTopics } from '@/lib/leads';
import { logoUrl } from '@/lib/tenant/branding';
import { requireTenant } from '@/lib/tenant/request';

export const metadata: Metadata = { title: 'Kunde werden' };

/** NEUKUNDENGEWINNUNG: the public contact form of the tenant. */
export default async function LeadPage() {
  const tenant = await requireTenant();
  return (
    <PublicCard tenantName={tenant.name} logoUrl={logoUrl(tenant)} title="Kunde werden / Kontakt aufnehmen" intro={`Schreiben Sie uns kurz, worum es geht – ${tenant.name} meldet sich bei Ihnen.`}>
      <LeadForm token={leadFormToken(serverEnv().AUTH_SECRET)} topics={leadTopics} tenantName={tenant.name} />
      <p className="mt-6 text-center text-sm">
        <Link href="/login" className="font-medium text-primary hover:underline">
          Sie sind schon Kunde? Zum Login
        </Link>
      </p>
    </PublicCard>
  );
}
