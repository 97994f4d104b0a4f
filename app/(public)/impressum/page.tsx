import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { textsOf } from '@/lib/settings/read';
import { requireTenant } from '@/lib/tenant/request';

export const metadata: Metadata = { title: 'Impressum' };

/** The tenant's IMPRESSUM (sanitised again on render); until the broker has written one, a clear placeholder. */
export default async function ImpressumPage() {
  const tenant = await requireTenant();
  const { impressumHtml } = await textsOf(tenant.id);
  return (
    <main className="mx-auto max-w-2xl px-5 py-10">
      <Link href="/login" className="text-sm font-medium text-primary hover:underline">
        ← Zurück zum Login
      </Link>
      <Card className="mt-4">
        <h1 className="text-2xl font-bold">Impressum</h1>
        <p className="mt-2 text-sm font-semibold text-gray-700">{tenant.name}</p>
        {impressumHtml ? (
          <div className="rich-text mt-4 text-ink" dangerouslySetInnerHTML={{ __html: impressumHtml }} />
        ) : (
          <p className="mt-4 leading-relaxed text-gray-600">
            {tenant.name} hat das Impressum für dieses Portal noch nicht hinterlegt. Die Pflichtangaben nach § 5 DDG finden Sie bis dahin auf der Website des
            Unternehmens.
          </p>
        )}
      </Card>
    </main>
  );
}
