import type { Metadata } from 'next';
import Link from 'next/link';
import { ButtonLink, buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { ContactsIcon } from '@/components/ui/icons';
import { StatusBadge } from '@/components/ui/status-badge';
import { Table, Td } from '@/components/ui/table';
import { canEditContacts, canViewContacts } from '@/lib/access/employee';
import { requireAdvisor } from '@/lib/auth/current';
import { contactListSchema } from '@/lib/contacts/schemas';
import { contactList } from '@/lib/contacts/read';
import { statusLabels } from '@/lib/users/labels';

export const metadata: Metadata = { title: 'KONTAKTÜBERSICHT' };

export default async function ContactsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { tenant, user } = await requireAdvisor();
  if (!canViewContacts(user)) {
    return (
      <EmptyState icon={<ContactsIcon width={36} height={36} />} title="Ihnen wurden noch keine Rechte vergeben">
        Bitte wenden Sie sich an einen Admin Ihres Unternehmens. Er kann Ihnen unter BENUTZER die Rechte für die einzelnen Module geben.
      </EmptyState>
    );
  }
  const params = await searchParams;
  const query = contactListSchema.safeParse(params);
  const { q, sort, after, filter } = query.success ? query.data : { q: '', sort: 'name' as const, after: undefined, filter: 'all' as const };
  const { items, next } = await contactList(tenant.id, user, { q, sort, after, leadsOnly: filter === 'leads' });
  const qs = (extra: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ q: q || undefined, sort: sort === 'name' ? undefined : sort, filter: filter === 'all' ? undefined : filter, ...extra })) if (v) p.set(k, v);
    const s = p.toString();
    return s ? `/contacts?${s}` : '/contacts';
  };
  return (
    <>
      <PageHeader title="KONTAKTÜBERSICHT" subtitle="Ihre Kunden und Interessenten" actions={canEditContacts(user) ? <ButtonLink href="/contacts/new">KONTAKT ERSTELLEN</ButtonLink> : undefined} />
      {params.geloescht ? (
        <p role="status" className="mb-4 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          Der Kontakt und alle seine Daten sind gelöscht. Im Protokoll steht nur noch ein Pseudonym.
        </p>
      ) : null}
      {params.neu ? (
        <p role="status" className="mb-4 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          Der Kontakt wurde angelegt. Öffnen Sie ihn, um das BENUTZERKONTO ZU ERSTELLEN.
        </p>
      ) : null}
      <form role="search" className="mb-4 flex flex-col gap-2 sm:flex-row" action="/contacts">
        <label htmlFor="q" className="sr-only">
          Suche nach Name oder E-Mail
        </label>
        <input id="q" name="q" type="search" defaultValue={q} placeholder="Name oder E-Mail suchen …" className="h-11 w-full rounded-lg border border-gray-300 sm:flex-1 bg-white px-3.5 text-base shadow-sm outline-none focus:border-primary focus:ring-4 focus:ring-primary/15" />
        <label htmlFor="sort" className="sr-only">
          Sortierung
        </label>
        <label htmlFor="filter" className="sr-only">
          Anzeigen
        </label>
        <select id="filter" name="filter" defaultValue={filter} className="h-11 rounded-lg border border-gray-300 bg-white px-3 text-sm shadow-sm">
          <option value="all">Alle Kontakte</option>
          <option value="leads">Nur Interessenten</option>
        </select>
        <select id="sort" name="sort" defaultValue={sort} className="h-11 rounded-lg border border-gray-300 bg-white px-3 text-sm shadow-sm">
          <option value="name">Nach Name</option>
          <option value="created">Neueste zuerst</option>
        </select>
        <button type="submit" className={buttonClass('secondary', 'md')}>
          Suchen
        </button>
      </form>
      {items.length === 0 ? (
        <EmptyState icon={<ContactsIcon width={36} height={36} />} title={q ? `Keine Kontakte zu „${q}“ gefunden` : 'Noch keine Kontakte'}>
          {q ? 'Prüfen Sie die Schreibweise oder suchen Sie nach der E-Mail-Adresse.' : 'Legen Sie Ihren ersten Kunden mit KONTAKT ERSTELLEN an.'}
        </EmptyState>
      ) : (
        <Table caption="Kontakte" head={['Name', 'E-Mail', 'Ort', 'BETREUER', 'Zugang']}>
          {items.map((c) => (
            <tr key={c.id} className={c.id === params.neu ? 'bg-primary-soft' : undefined} data-highlight={c.id === params.neu ? 'true' : undefined}>
              <Td>
                {/* A plain link: 50 client-side Links would each be serialised and prefetched. */}
                <a href={`/contacts/${c.id}`} className="font-semibold text-primary hover:underline">
                  {c.lastName}, {c.firstName}
                </a>
                {c.lead ? <span className="ml-2 rounded-full bg-secondary-soft px-2 py-0.5 text-[11px] font-semibold text-ink">Interessent</span> : null}
              </Td>
              <Td className="text-gray-600">{c.email}</Td>
              <Td>{c.city ?? '–'}</Td>
              <Td>{c.advisorName ?? '–'}</Td>
              <Td>
                <StatusBadge status={c.status} label={statusLabels[c.status] ?? c.status} />
              </Td>
            </tr>
          ))}
        </Table>
      )}
      <nav aria-label="Seiten" className="mt-4 flex justify-end gap-2">
        {after ? (
          <Link href={qs({})} className={buttonClass('ghost', 'sm')}>
            Zum Anfang
          </Link>
        ) : null}
        {next ? (
          <Link href={qs({ after: next })} className={buttonClass('secondary', 'sm')}>
            Nächste Seite →
          </Link>
        ) : null}
      </nav>
    </>
  );
}
