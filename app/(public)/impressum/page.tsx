import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { requireTenant } from '@/lib/tenant/request';

export const metadata: Metadata = { title: 'Impressum' };

/** Shows the tenant's IMPRESSUM; until the broker has written one, a clear placeholder. */
export default async function ImpressumPage() {
  const tenant = await requireTenant();
  return (
    <main className="mx-auto max-w-2xl px-5 py-10">
      <Link href="/login" className="text-sm font-medium text-primary hover:underline">
        ← Zurück zum Login
      </Link>
      <Card className="mt-4">
        <h1 className="text-2xl font-bold">Impressum</h1>
        <p className="mt-2 text-sm font-semibold text-gray-700">{tenant.name}</p>
        <p className="mt-4 leading-relaxed text-gray-600">
          {tenant.name} hat das Impressum für dieses Portal noch nicht hinterlegt. Die Pflichtangaben nach § 5 DDG finden Sie
          bis dahin auf der Website des Unternehmens.
        </p>
      </Card>
    </main>
  );
}
