import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FolderAreas } from '@/components/portal/folder-areas';
import { PortalHome } from '@/components/portal/portal-home';
import { PageHeader } from '@/components/ui/card';
import { folderModules, rightsOf } from '@/lib/access/freigaben';
import { requireAdvisor } from '@/lib/auth/current';
import { contactDetail } from '@/lib/contacts/read';
import { grantsOf } from '@/lib/grants';
import { advisorCtx } from '@/lib/request/ctx';

export const metadata: Metadata = { title: 'KUNDENANSICHT' };

/** Read-only preview of the portal as this client sees it, to check the FREIGABEN before the REGISTRIERUNGSMAIL. */
export default async function ClientPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { tenant, user } = await requireAdvisor();
  const contact = await contactDetail(tenant.id, user, (await params).id);
  if (!contact) notFound();
  const grants = await grantsOf(await advisorCtx(), contact.id);
  const folder = folderModules.some((m) => rightsOf(grants, m).visible);
  return (
    <>
      <Link href={`/contacts/${contact.id}`} className="text-sm font-medium text-primary hover:underline">
        ← zurück zu {contact.firstName} {contact.lastName}
      </Link>
      <div role="note" className="my-4 rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
        <strong>KUNDENANSICHT</strong> – so sieht {contact.firstName} {contact.lastName} das Portal mit den aktuellen FREIGABEN. Nur zur Ansicht; Sie können hier nichts ändern.
      </div>
      <div className="mx-auto max-w-[430px] rounded-[2rem] border-8 border-gray-800 bg-[#f5f6f8] p-4 shadow-xl">
        <PageHeader title={`Hallo ${contact.firstName}`} subtitle={`Ihr digitaler Ordner bei ${tenant.name}`} />
        <PortalHome grants={grants} tenantName={tenant.name} base="/portal" preview />
        {folder ? (
          <section className="mt-6">
            <h2 className="mb-3 text-lg font-bold">DIGITALER ORDNER</h2>
            <FolderAreas grants={grants} base="/portal" preview />
          </section>
        ) : null}
      </div>
    </>
  );
}
