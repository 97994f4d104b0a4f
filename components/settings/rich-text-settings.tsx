import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Card, PageHeader } from '@/components/ui/card';
import { canManageUsers } from '@/lib/access/employee';
import { requireAdvisor } from '@/lib/auth/current';
import { textsOf } from '@/lib/settings/read';
import { RichTextEditor } from './rich-text-editor';

const texts = {
  impressum: { title: 'IMPRESSUM', subtitle: 'Erscheint über den Link „Impressum“ auf Ihrer Login-Seite.', placeholder: 'Firmenname, Anschrift, Vertretungsberechtigte, Registereintrag, Vermittlerregister …' },
  signature: { title: 'E-MAIL-SIGNATUR', subtitle: 'Steht am Ende jeder E-Mail Ihres Portals (HTML- und Textversion).', placeholder: 'Mit freundlichen Grüßen – Ihr Team der …' },
} as const;

/** The settings page of one rich text (admins only). */
export async function RichTextSettings({ kind }: { kind: 'impressum' | 'signature' }) {
  const { tenant, user } = await requireAdvisor();
  if (!canManageUsers(user)) notFound();
  const stored = await textsOf(tenant.id);
  const t = texts[kind];
  return (
    <>
      <Link href="/settings" className="text-sm font-medium text-primary hover:underline">
        ← EINSTELLUNGEN
      </Link>
      <PageHeader title={t.title} subtitle={t.subtitle} />
      <Card>
        <RichTextEditor kind={kind} initial={kind === 'impressum' ? stored.impressumJson : stored.signatureJson} label={t.title} placeholder={t.placeholder} />
      </Card>
    </>
  );
}
