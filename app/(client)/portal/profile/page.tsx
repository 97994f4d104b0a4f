import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ProfileForm } from '@/components/portal/profile-form';
import { Card, PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { AddDocument } from '@/components/documents/add-document';
import { DocumentList } from '@/components/documents/document-list';
import { createDocumentAction } from '@/lib/contracts/actions';
import { documentsOf } from '@/lib/contracts/read';
import { requireModule } from '@/lib/portal/context';
import { ownProfile } from '@/lib/portal/read';

export const metadata: Metadata = { title: 'PROFIL' };

function formatDate(iso: string | null): string {
  if (!iso) return '–';
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

export default async function ProfilePage() {
  const { actor, rights } = await requireModule('profile');
  const p = await ownProfile(actor.tenant.id, actor.user.id);
  if (!p) notFound();
  const generalDocs = await documentsOf(actor.tenant.id, actor.user, { contactId: actor.user.id, area: 'profile', contractId: null });
  const rows: [string, string][] = [
    ['Name', [p.salutation, p.title, p.firstName, p.lastName].filter(Boolean).join(' ')],
    ['Geburtsdatum', formatDate(p.birthDate)],
    ['E-Mail', p.email],
    ['BENUTZERNAME', p.username],
  ];
  return (
    <>
      <PageHeader title="PROFIL" subtitle={rights.mayCreateEditOwn ? 'Halten Sie Ihre Kontaktdaten aktuell.' : 'Ihre Daten bei Ihrem Berater.'} />
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
          <p className="mt-4 text-xs text-gray-500">Name, Geburtsdatum und E-Mail-Adresse ändert Ihr Berater für Sie.</p>
        </Card>
        <Card>
          <h2 className="mb-4 text-lg font-semibold">Kontakt und Adresse</h2>
          {rights.mayCreateEditOwn ? (
            <ProfileForm initial={{ phone: p.phone ?? '', mobile: p.mobile ?? '', street: p.street ?? '', zip: p.zip ?? '', city: p.city ?? '' }} />
          ) : (
            <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
              {[
                ['Telefon', p.phone],
                ['Mobil', p.mobile],
                ['Straße', p.street],
                ['PLZ / Ort', [p.zip, p.city].filter(Boolean).join(' ')],
              ].map(([k, v]) => (
                <div key={k}>
                  <dt className="text-xs font-semibold uppercase tracking-wider text-gray-500">{k}</dt>
                  <dd className="mt-0.5 text-ink">{v || '–'}</dd>
                </div>
              ))}
            </dl>
          )}
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">Allgemeine Dokumente</h2>
          <p className="mt-1 text-sm text-gray-600">Dokumente zu Ihrer Person, zum Beispiel Ihr Maklervertrag.</p>
          <div className="mt-3">
            <DocumentList items={generalDocs} viewerBase="/portal/documents" audience="client" emptyText="Noch keine Dokumente." />
          </div>
          {rights.mayCreateEditOwn ? <AddDocument action={createDocumentAction} target={{ area: 'profile' }} /> : null}
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">Meine Daten</h2>
          <p className="mt-1 text-sm text-gray-600">Laden Sie alle Daten, die Ihr Berater zu Ihnen gespeichert hat, mit allen Dateien als ZIP herunter (Art. 15 und 20 DSGVO).</p>
          <a href="/api/portal/export" className={`${buttonClass('secondary', 'md')} mt-3`} download>
            DATENEXPORT HERUNTERLADEN
          </a>
        </Card>
      </div>
    </>
  );
}
