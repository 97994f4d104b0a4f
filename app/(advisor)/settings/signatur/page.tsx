import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RichTextEditor } from '@/components/settings/rich-text-editor';
import { Card, PageHeader } from '@/components/ui/card';
import { canManageUsers } from '@/lib/access/employee';
import { requireAdvisor } from '@/lib/auth/current';
import { textsOf } from '@/lib/settings/read';

export const metadata: Metadata = { title: 'E-MAIL-SIGNATUR' };

export default async function Page() {
  const { tenant, user } = await requireAdvisor();
  if (!canManageUsers(user)) notFound();
  const texts = await textsOf(tenant.id);
  return (
    <>
      <Link href="/settings" className="text-sm font-medium text-primary hover:underline">
        ← EINSTELLUNGEN
      </Link>
      <PageHeader title="E-MAIL-SIGNATUR" subtitle="Steht am Ende jeder E-Mail Ihres Portals (HTML- und Textversion)." />
      <Card>
        <RichTextEditor kind="signature" initial={texts.signatureJson} label="E-MAIL-SIGNATUR" placeholder="Mit freundlichen Grüßen – Ihr Team der …" />
      </Card>
    </>
  );
}
