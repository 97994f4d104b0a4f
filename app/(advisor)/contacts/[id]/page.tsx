import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter } from 'next-intl/server';
import { AccountCard } from '@/components/contacts/account-card';
import { AcceptLeadButton } from '@/components/leads/accept-lead-button';
import { GrantsGrid } from '@/components/contacts/grants-grid';
import { ButtonLink } from '@/components/ui/button';
import { contactActivity, grantsOf } from '@/lib/grants';
import { advisorCtx } from '@/lib/request/ctx';
import { ContactForm } from '@/components/contacts/contact-form';
import { Card, PageHeader } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import { canEditContacts } from '@/lib/access/employee';
import { requireAdvisor } from '@/lib/auth/current';
import { updateContactAction } from '@/lib/contacts/actions';
import { advisorsOf, contactDetail } from '@/lib/contacts/read';
import { linkLabels, statusLabels } from '@/lib/users/labels';
import { FolderOverview } from '@/components/contracts/folder-overview';
import { DocumentList } from '@/components/documents/document-list';
import { AddDocument } from '@/components/documents/add-document';
import { createDocumentAction } from '@/lib/contracts/actions';
import { documentsOf, overviewOf } from '@/lib/contracts/read';
import { ticketsFor } from '@/lib/tickets/read';
import { TicketList } from '@/components/tickets/ticket-list';
import { PrivacyCard } from '@/components/contacts/privacy-card';
import { mayErase, mayExport } from '@/lib/access/privacy';

export const metadata: Metadata = { title: 'Kontakt' };

export default async function ContactPage({ params }: { params: Promise<{ id: string }> }) {
  const { tenant, user } = await requireAdvisor();
  const contact = await contactDetail(tenant.id, user, (await params).id);
  if (!contact) notFound();
  const [advisors, grants, activity, format, overview, generalDocs] = await Promise.all([
    advisorsOf(tenant.id),
    grantsOf(await advisorCtx(), contact.id),
    contactActivity(await advisorCtx(), contact.id),
    getFormatter(),
    overviewOf(tenant.id, user, contact.id),
    documentsOf(tenant.id, user, { contactId: contact.id, area: 'profile', contractId: null }),
  ]);
  const [openTickets, closedTickets] = await Promise.all([
    ticketsFor(tenant.id, user, { status: 'open', scope: 'all', contactId: contact.id, limit: 10 }),
    ticketsFor(tenant.id, user, { status: 'closed', scope: 'all', contactId: contact.id, limit: 5 }),
  ]);
  const contactTickets = [...openTickets.items, ...closedTickets.items];
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
            {contact.archivedAt ? <StatusBadge status="locked" label="archiviert" /> : null}
          </span>
        }
      />
      {contact.lead ? (
        <Card className="mb-6 border-l-4 border-secondary">
          <div className="flex flex-wrap items-start justify-between gap-4">
            <div className="max-w-2xl">
              <h2 className="text-lg font-semibold">Interessent – Anfrage über das Kontaktformular</h2>
              <p className="mt-1 text-sm text-gray-600">Thema: {contact.leadTopic ?? '–'}</p>
              {contact.leadMessage ? <p className="mt-3 whitespace-pre-line rounded-lg bg-gray-50 p-3 text-sm text-ink">{contact.leadMessage}</p> : null}
              <p className="mt-3 text-xs text-gray-500">Ergänzen Sie das Geburtsdatum, bevor Sie ein Benutzerkonto erstellen.</p>
            </div>
            {editable ? <AcceptLeadButton id={contact.id} /> : null}
          </div>
        </Card>
      ) : null}
      <Card className="mb-6">
        <h2 className="mb-4 text-lg font-semibold">DIGITALER ORDNER</h2>
        <FolderOverview areas={overview.areas} totalAnnualCents={overview.totalAnnualCents} hrefOf={(a) => `/contacts/${contact.id}/folder/${a}`} />
      </Card>
      {contact.status === 'none' ? null : (
        <Card className="mb-6">
          <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
            <div>
              <h2 className="text-lg font-semibold">FREIGABEN ERTEILEN</h2>
              <p className="mt-1 text-sm text-gray-600">Sie entscheiden, was {contact.firstName} sieht und wo mitgearbeitet werden darf. Standardmäßig ist nichts freigegeben.</p>
            </div>
            <ButtonLink href={`/contacts/${contact.id}/kundenansicht`} variant="secondary" size="sm">
              KUNDENANSICHT
            </ButtonLink>
          </div>
          {editable ? (
            <GrantsGrid contactId={contact.id} initial={grants} />
          ) : (
            <p className="text-sm text-gray-600">Sie haben keine Berechtigung, FREIGABEN zu ändern.</p>
          )}
        </Card>
      )}
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
        <Card>
          <h2 className="text-lg font-semibold">Allgemeine Dokumente</h2>
          <p className="mt-1 text-sm text-gray-600">Dokumente zum Kontakt selbst, zum Beispiel der Maklervertrag oder eine Vollmacht.</p>
          <div className="mt-3">
            <DocumentList items={generalDocs} viewerBase="/documents" emptyText="Noch keine Dokumente." />
          </div>
          {editable ? (
            <AddDocument action={createDocumentAction} target={{ contactId: contact.id, area: 'profile' }} defaultType="Maklervertrag" />
          ) : null}
        </Card>
        <Card>
          <h2 className="mb-4 text-lg font-semibold">Stammdaten</h2>
          <ContactForm action={updateContactAction} initial={initial} advisors={advisors} submitLabel="SPEICHERN" savedMessage="Die Stammdaten sind gespeichert." readOnly={!editable} />
        </Card>
        </div>
        <Card className="h-fit">
          <h2 className="text-lg font-semibold">Benutzerkonto</h2>
          <div className="mt-3">
            <AccountCard id={contact.id} status={contact.status} link={contact.link} canEdit={editable} />
          </div>
          {mayExport(user) || mayErase(user) ? (
            <>
              <h2 className="mt-8 text-lg font-semibold">Datenschutz</h2>
              <div className="mt-3">
                <PrivacyCard id={contact.id} name={`${contact.firstName} ${contact.lastName}`} archived={Boolean(contact.archivedAt)} canExport={mayExport(user)} canErase={mayErase(user)} />
              </div>
            </>
          ) : null}
          <h2 className="mt-8 text-lg font-semibold">KOMMUNIKATION</h2>
          {contactTickets.length === 0 ? (
            <p className="mt-2 text-sm text-gray-600">Noch keine Nachrichten.</p>
          ) : (
            <div className="mt-3">
              <TicketList items={contactTickets} hrefOf={(id) => `/tickets/${id}`} audience="advisor" />
            </div>
          )}
          <h2 className="mt-8 text-lg font-semibold">Aktivität</h2>
          {activity.length === 0 ? (
            <p className="mt-2 text-sm text-gray-600">Noch keine Einträge.</p>
          ) : (
            <ol className="mt-3 space-y-3" aria-label="Aktivität">
              {activity.map((a, i) => (
                <li key={i} className="border-l-2 border-primary/30 pl-3 text-sm">
                  <p className="font-medium text-ink">
                    {a.label}
                    {a.byClient ? <span className="ml-2 rounded-full bg-secondary-soft px-2 py-0.5 text-[11px] font-semibold text-ink">durch den Kunden</span> : null}
                  </p>
                  {a.detail ? <p className="text-gray-600">{a.detail}</p> : null}
                  <p className="text-xs text-gray-500">
                    {format.dateTime(a.at, { dateStyle: 'medium', timeStyle: 'short' })}
                    {a.actorName && !a.byClient ? ` · ${a.actorName}` : ''}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </>
  );
}
