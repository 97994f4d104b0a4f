import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ContactForm } from '@/components/contacts/contact-form';
import { Card, PageHeader } from '@/components/ui/card';
import { canEditContacts, isAdmin } from '@/lib/access/employee';
import { requireAdvisor } from '@/lib/auth/current';
import { createContactAction } from '@/lib/contacts/actions';
import { advisorsOf } from '@/lib/contacts/read';

export const metadata: Metadata = { title: 'KONTAKT ERSTELLEN' };

export default async function NewContactPage() {
  const { tenant, user } = await requireAdvisor();
  if (!canEditContacts(user)) notFound();
  const advisors = await advisorsOf(tenant.id);
  return (
    <>
      <Link href="/contacts" className="text-sm font-medium text-primary hover:underline">
        ← KONTAKTÜBERSICHT
      </Link>
      <PageHeader title="KONTAKT ERSTELLEN" subtitle="Pflichtfelder: VORNAME, NACHNAME, GEBURTSDATUM und KUNDEN-E-MAIL." />
      <Card>
        <ContactForm action={createContactAction} initial={{ advisorId: isAdmin(user) ? '' : user.id }} advisors={advisors} submitLabel="SPEICHERN" />
      </Card>
    </>
  );
}
