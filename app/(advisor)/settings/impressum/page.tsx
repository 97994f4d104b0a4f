import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RichTextEditor } from '@/components/settings/rich-text-editor';
import { Card, PageHeader } from '@/components/ui/card';
import { canManageUsers } from '@/lib/access/employee';
import { requireAdvisor } from '@/lib/auth/current';
import { textsOf } from '@/lib/settings/read';

export const metadata: Metadata = { title: 'IMPRESSUM' };

export default async function Page() {
  const { tenant, user } = await requireAdvisor();
  if (!canManageUsers(user)) notFound();
  const texts = await textsOf(tenant.id);
  return (
    <>
      <Link href="/settings" className="text-sm font-medium text-primary hover:underline">
        ← EINSTELLUNGEN
      </Link>
      <PageHeader title="IMPRESSUM" subtitle="Erscheint über den Link „Impressum“ auf Ihrer Login-Seite." />
      <Card>
        <RichTextEditor kind="impressum" initial={texts.impressumJson} label="IMPRESSUM" placeholder="Firmenname, Anschrift, Vertretungsberechtigte, Registereintrag, Vermittlerregister …" />
      </Card>
    </>
  );
}
