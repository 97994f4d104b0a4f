import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AddDocument } from '@/components/documents/add-document';
import { DocumentList } from '@/components/documents/document-list';
import { ProfileForm } from '@/components/portal/profile-form';
import { buttonClass } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { listDocuments } from '@/lib/documents';
import { createDocumentAction } from '@/lib/documents/actions';
import { requireModule } from '@/lib/portal/context';
import { getOwnProfile } from '@/lib/portal/profile';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('portal.profile'))('title') };
}

export default async function ProfilePage() {
  const { ctx, rights } = await requireModule('profile');
  const [t, format, p, generalDocs] = await Promise.all([
    getTranslations('portal.profile'),
    getFormatter(),
    getOwnProfile(ctx),
    listDocuments(ctx, { contactId: ctx.actor.id, area: 'profile', contractId: null }),
  ]);
  if (!p) notFound();
  // The birth date is a calendar day: formatted at noon UTC, so no time zone moves it to another day.
  const birthDate = p.birthDate ? format.dateTime(new Date(`${p.birthDate}T12:00:00Z`), { dateStyle: 'medium' }) : '–';
  const rows: [string, string][] = [
    [t('name'), [p.salutation, p.title, p.firstName, p.lastName].filter(Boolean).join(' ')],
    [t('birthDate'), birthDate],
    [t('email'), p.email],
    [t('username'), p.username],
  ];
  const contact: [string, string | null][] = [
    [t('phone'), p.phone],
    [t('mobile'), p.mobile],
    [t('street'), p.street],
    [t('zipCity'), [p.zip, p.city].filter(Boolean).join(' ')],
  ];
  return (
    <ClientMessages pick={['contracts', 'documents', 'errors', 'forms', 'portal', 'uploads']}>
      <>
        <PageHeader title={t('title')} subtitle={rights.mayCreateEditOwn ? t('subtitleEdit') : t('subtitleRead')} />
        <div className="space-y-6">
          <Card>
            <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
              {rows.map(([k, v]) => (
                <div key={k}>
                  <dt className="text-xs font-semibold uppercase tracking-wider text-gray-500">{k}</dt>
                  <dd className="mt-0.5 break-words text-ink">{v}</dd>
                </div>
              ))}
            </dl>
            <p className="mt-4 text-xs text-gray-500">{t('advisorChanges')}</p>
          </Card>
          <Card>
            <h2 className="mb-4 text-lg font-semibold">{t('contactTitle')}</h2>
            {rights.mayCreateEditOwn ? (
              <ProfileForm
                initial={{
                  phone: p.phone ?? '',
                  mobile: p.mobile ?? '',
                  street: p.street ?? '',
                  zip: p.zip ?? '',
                  city: p.city ?? '',
                }}
              />
            ) : (
              <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
                {contact.map(([k, v]) => (
                  <div key={k}>
                    <dt className="text-xs font-semibold uppercase tracking-wider text-gray-500">{k}</dt>
                    <dd className="mt-0.5 text-ink">{v || '–'}</dd>
                  </div>
                ))}
              </dl>
            )}
          </Card>
          <Card>
            <h2 className="text-lg font-semibold">{t('documentsTitle')}</h2>
            <p className="mt-1 text-sm text-gray-600">{t('documentsIntro')}</p>
            <div className="mt-3">
              <DocumentList
                items={generalDocs}
                viewerBase="/portal/documents"
                audience="client"
                emptyText={t('noDocuments')}
              />
            </div>
            {rights.mayCreateEditOwn ? (
              <AddDocument action={createDocumentAction} target={{ area: 'profile' }} />
            ) : null}
          </Card>
          <Card>
            <h2 className="text-lg font-semibold">{t('exportTitle')}</h2>
            <p className="mt-1 text-sm text-gray-600">{t('exportIntro')}</p>
            <a href="/api/portal/export" className={`${buttonClass('secondary', 'md')} mt-3`} download>
              {t('export')}
            </a>
          </Card>
        </div>
      </>
    </ClientMessages>
  );
}
