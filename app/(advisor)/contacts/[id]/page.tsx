import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AccountCard } from '@/components/contacts/account-card';
import { ContactForm } from '@/components/contacts/contact-form';
import { Card, PageHeader } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import { canEditContacts } from '@/lib/access/employee';
import { requireAdvisor } from '@/lib/auth/current';
import { updateContactAction } from '@/lib/contacts/actions';
import { advisorsOf, contactDetail } from '@/lib/contacts/read';
import { linkLabels, statusLabels } from '@/lib/users/labels';

export const metadata: Metadata = { title: 'Kontakt' };

export default async function ContactPage({ params }: { params: Promise<{ id: string }> }) {
  const { tenant, user } = await requireAdvisor();
  const contact = await contactDetail(tenant.id, user, (await params).id);
  if (!contact) notFound();
  const advisors = await advisorsOf(tenant.id);
  const editable = canEditContacts(user);
  const initial: Record<string, string> = {
    id: contact.id,
    salutation: contact.salutation ?? '',
    title: contact.title ?? '',
    firstName: contact.firstName,
    lastName: contact.lastName,
    birthDate: contact.birthDate ?? '',
    email: contact.email,
    phone: contact.phone ?? '',
    mobile: contact.mobile ?? '',
    street: contact.street ?? '',
    zip: contact.zip ?? '',
    city: contact.city ?? '',
    advisorId: contact.advisorId ?? '',
    note: contact.note ?? '',
  };
  return (
    <>
      <Link href="/contacts" className="text-sm font-medium text-primary hover:underline">
        ← KONTAKTÜBERSICHT
      </Link>
      <PageHeader
        title={`${contact.title ? `${contact.title} ` : ''}${contact.firstName} ${contact.lastName}`}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            BENUTZERNAME <code className="rounded bg-gray-100 px-1.5 py-0.5 text-sm">{contact.username}</code>
            <StatusBadge status={contact.status} label={statusLabels[contact.status] ?? contact.status} />
            {contact.status === 'invited' && contact.link === 'burned' ? <StatusBadge status="locked" label={linkLabels.burned} /> : null}
          </span>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <Card>
          <h2 className="mb-4 text-lg font-semibold">Stammdaten</h2>
          <ContactForm action={updateContactAction} initial={initial} advisors={advisors} submitLabel="SPEICHERN" savedMessage="Die Stammdaten sind gespeichert." readOnly={!editable} />
        </Card>
        <Card className="h-fit">
          <h2 className="text-lg font-semibold">Benutzerkonto</h2>
          <div className="mt-3">
            <AccountCard id={contact.id} status={contact.status} link={contact.link} canEdit={editable} />
          </div>
        </Card>
      </div>
    </>
  );
}
