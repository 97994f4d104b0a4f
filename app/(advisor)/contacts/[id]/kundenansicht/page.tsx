import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { FolderAreas } from '@/components/portal/folder-areas';
import { PortalHome } from '@/components/portal/portal-home';
import { PageHeader } from '@/components/ui/card';
import { folderModules, rightsOf } from '@/lib/access/freigaben';
import { getContact } from '@/lib/contacts/get';
import { grantsOf } from '@/lib/grants';
import { advisorCtx } from '@/lib/request/ctx';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('contacts.preview'))('title') };
}

/** Read-only preview of the portal as this client sees it, to check the FREIGABEN before the REGISTRIERUNGSMAIL. */
export default async function ClientPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await advisorCtx();
  const contact = await getContact(ctx, (await params).id);
  if (!contact) notFound();
  const [t, tp, grants] = await Promise.all([
    getTranslations('contacts.preview'),
    getTranslations('portal'),
    grantsOf(ctx, contact.id),
  ]);
  const folder = folderModules.some((m) => rightsOf(grants, m).visible);
  const name = `${contact.firstName} ${contact.lastName}`;
  return (
    <>
      <Link href={`/contacts/${contact.id}`} className="text-sm font-medium text-primary hover:underline">
        {t('back', { name })}
      </Link>
      <div role="note" className="my-4 rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
        <strong>{t('title')}</strong> {t('note', { name })}
      </div>
      <div className="mx-auto max-w-[430px] rounded-[2rem] border-8 border-gray-800 bg-[#f5f6f8] p-4 shadow-xl">
        <PageHeader
          title={tp('greeting', { name: contact.firstName })}
          subtitle={tp('subtitle', { tenant: ctx.tenant.name })}
        />
        <PortalHome grants={grants} tenantName={ctx.tenant.name} base="/portal" preview />
        {folder ? (
          <section className="mt-6">
            <h2 className="mb-3 text-lg font-bold">{tp('tiles.folder')}</h2>
            <FolderAreas grants={grants} base="/portal" preview />
          </section>
        ) : null}
      </div>
    </>
  );
}
