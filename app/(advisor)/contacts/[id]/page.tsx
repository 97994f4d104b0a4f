import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AccountCard } from '@/components/contacts/account-card';
import { ContactActivity } from '@/components/contacts/contact-activity';
import { ContactForm } from '@/components/contacts/contact-form';
import { GrantsGrid } from '@/components/contacts/grants-grid';
import { PrivacyCard } from '@/components/contacts/privacy-card';
import { FolderOverview } from '@/components/contracts/folder-overview';
import { FollowUpPanel } from '@/components/follow-ups/follow-up-panel';
import { AddDocument } from '@/components/documents/add-document';
import { DocumentList } from '@/components/documents/document-list';
import { AcceptLeadButton } from '@/components/leads/accept-lead-button';
import { TicketList } from '@/components/tickets/ticket-list';
import { ContactAccesses } from '@/components/protocol/contact-accesses';
import { AdminSessionsBlock } from '@/components/sessions/admin-sessions';
import { ButtonLink } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import { canEditContacts, mayChangeLoginDataOf } from '@/lib/access/employee';
import { mayResetClientFactor } from '@/lib/access/factors';
import { hasSecondFactor } from '@/lib/auth/factors/store';
import { FactorReset } from '@/components/users/factor-reset';
import { mayErase, mayExport } from '@/lib/access/privacy';
import { canSeeProtocol, mayEndSessionsOf } from '@/lib/access/protocol';
import { updateContactAction } from '@/lib/contacts/actions';
import { contactActivity } from '@/lib/contacts/activity';
import { advisorOptions } from '@/lib/contacts/advisors';
import { getContact } from '@/lib/contacts/get';
import { folderOverview } from '@/lib/contracts';
import { listDocuments } from '@/lib/documents';
import { createDocumentAction } from '@/lib/documents/actions';
import { grantsOf } from '@/lib/grants';
import { contactAccesses } from '@/lib/protocol/accesses';
import { recordContactOpened } from '@/lib/protocol/record';
import { advisorCtx } from '@/lib/request/ctx';
import { listTickets } from '@/lib/tickets/list';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('contacts.page'))('metaTitle') };
}

export default async function ContactPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await advisorCtx();
  const user = ctx.actor;
  const contact = await getContact(ctx, (await params).id);
  if (!contact) notFound();
  const [t, tu, advisors, grants, activity, overview, generalDocs, openTickets, closedTickets, accesses] =
    await Promise.all([
      getTranslations('contacts'),
      getTranslations('users'),
      advisorOptions(ctx),
      grantsOf(ctx, contact.id),
      contactActivity(ctx, contact.id),
      folderOverview(ctx, { contactId: contact.id }),
      listDocuments(ctx, { contactId: contact.id, area: 'profile', contractId: null }),
      listTickets(ctx, { status: 'open', scope: 'all', contactId: contact.id, limit: 10 }),
      listTickets(ctx, { status: 'closed', scope: 'all', contactId: contact.id, limit: 5 }),
      recordContactOpened(ctx, contact.id).then(() => (canSeeProtocol(user) ? contactAccesses(ctx, contact.id) : null)),
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
    <ClientMessages pick={['contacts', 'contracts', 'documents', 'errors', 'forms', 'grants', 'leads', 'uploads']}>
      <>
        <Link href="/contacts" className="text-sm font-medium text-primary hover:underline">
          {t('page.back')}
        </Link>
        <PageHeader
          title={`${contact.title ? `${contact.title} ` : ''}${contact.firstName} ${contact.lastName}`}
          subtitle={
            <span className="flex flex-wrap items-center gap-2">
              {t('page.username')} <code className="rounded bg-gray-100 px-1.5 py-0.5 text-sm">{contact.username}</code>
              <StatusBadge status={contact.status} label={tu(`accountStatus.${contact.status as 'none'}`)} />
              {contact.status === 'invited' && contact.link === 'burned' ? (
                <StatusBadge status="locked" label={tu('link.burned')} />
              ) : null}
              {contact.archivedAt ? <StatusBadge status="locked" label={t('page.archived')} /> : null}
            </span>
          }
        />
        {contact.lead ? (
          <Card className="mb-6 border-l-4 border-secondary">
            <div className="flex flex-wrap items-start justify-between gap-4">
              <div className="max-w-2xl">
                <h2 className="text-lg font-semibold">{t('page.leadTitle')}</h2>
                <p className="mt-1 text-sm text-gray-600">{t('page.leadTopic', { topic: contact.leadTopic ?? '–' })}</p>
                {contact.leadMessage ? (
                  <p className="mt-3 whitespace-pre-line rounded-lg bg-gray-50 p-3 text-sm text-ink">
                    {contact.leadMessage}
                  </p>
                ) : null}
                <p className="mt-3 text-xs text-gray-500">{t('page.leadHint')}</p>
              </div>
              {editable ? <AcceptLeadButton id={contact.id} /> : null}
            </div>
          </Card>
        ) : null}
        <Card className="mb-6">
          <h2 className="mb-4 text-lg font-semibold">{t('page.folder')}</h2>
          <FolderOverview
            areas={overview.areas}
            totalAnnualCents={overview.totalAnnualCents}
            hrefOf={(a) => `/contacts/${contact.id}/folder/${a}`}
          />
        </Card>
        {contact.status === 'none' ? null : (
          <Card className="mb-6">
            <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
              <div>
                <h2 className="text-lg font-semibold">{t('page.grantsTitle')}</h2>
                <p className="mt-1 text-sm text-gray-600">{t('page.grantsIntro', { name: contact.firstName })}</p>
              </div>
              <ButtonLink href={`/contacts/${contact.id}/kundenansicht`} variant="secondary" size="sm">
                {t('page.preview')}
              </ButtonLink>
            </div>
            {editable ? (
              <GrantsGrid contactId={contact.id} initial={grants} />
            ) : (
              <p className="text-sm text-gray-600">{t('page.grantsReadOnly')}</p>
            )}
          </Card>
        )}
        <div className="grid grid-cols-[minmax(0,1fr)] gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="min-w-0 space-y-6">
            <Card>
              <h2 className="text-lg font-semibold">{t('page.generalDocs')}</h2>
              <p className="mt-1 text-sm text-gray-600">{t('page.generalDocsIntro')}</p>
              <div className="mt-3">
                <DocumentList items={generalDocs} viewerBase="/documents" emptyText={t('page.noDocuments')} />
              </div>
              {editable ? (
                <AddDocument
                  action={createDocumentAction}
                  target={{ contactId: contact.id, area: 'profile' }}
                  defaultType="Maklervertrag"
                />
              ) : null}
            </Card>
            <Card>
              <h2 className="mb-4 text-lg font-semibold">{t('page.masterData')}</h2>
              <ContactForm
                action={updateContactAction}
                initial={initial}
                advisors={advisors}
                submitLabel={t('page.save')}
                savedMessage={t('page.saved')}
                readOnly={!editable}
                loginDataLocked={editable && !mayChangeLoginDataOf(user, contact)}
              />
            </Card>
          </div>
          <Card className="h-fit">
            <h2 className="text-lg font-semibold">{t('page.account')}</h2>
            <div className="mt-3">
              <AccountCard id={contact.id} status={contact.status} link={contact.link} canEdit={editable} />
            </div>
            {mayEndSessionsOf(user) && contact.status !== 'none' ? <AdminSessionsBlock userId={contact.id} /> : null}
            {contact.status === 'active' && mayResetClientFactor(user, contact) ? (
              <div className="mt-6">
                <FactorReset
                  kind="client"
                  id={contact.id}
                  on={await hasSecondFactor(ctx.db, ctx.tenant.id, contact.id)}
                />
              </div>
            ) : null}
            {mayExport(user) || mayErase(user) ? (
              <>
                <h2 className="mt-8 text-lg font-semibold">{t('page.privacy')}</h2>
                <div className="mt-3">
                  <PrivacyCard
                    id={contact.id}
                    name={`${contact.firstName} ${contact.lastName}`}
                    archived={Boolean(contact.archivedAt)}
                    canExport={mayExport(user)}
                    canErase={mayErase(user)}
                  />
                </div>
              </>
            ) : null}
            <h2 className="mt-8 text-lg font-semibold">{t('page.communication')}</h2>
            {contactTickets.length === 0 ? (
              <p className="mt-2 text-sm text-gray-600">{t('page.noTickets')}</p>
            ) : (
              <div className="mt-3">
                <TicketList items={contactTickets} hrefOf={(id) => `/tickets/${id}`} audience="advisor" />
              </div>
            )}
            <ContactActivity items={activity} />
            {accesses ? <ContactAccesses items={accesses} contactId={contact.id} /> : null}
          </Card>
        </div>
        <FollowUpPanel ctx={ctx} contactId={contact.id} />
      </>
    </ClientMessages>
  );
}
