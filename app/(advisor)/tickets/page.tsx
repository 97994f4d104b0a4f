import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TicketList } from '@/components/tickets/ticket-list';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { ChatIcon } from '@/components/ui/icons';
import { isAdmin, rightOf } from '@/lib/access/employee';
import { requireAdvisor } from '@/lib/auth/current';
import { ticketListSchema } from '@/lib/tickets/schemas';
import { ticketsFor } from '@/lib/tickets/read';

export const metadata: Metadata = { title: 'KOMMUNIKATION' };

export default async function TicketsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { tenant, user } = await requireAdvisor();
  if (rightOf(user, 'communication') === 'none') notFound();
  const parsed = ticketListSchema.safeParse(await searchParams);
  const { status, scope, after } = parsed.success ? parsed.data : { status: 'open' as const, scope: 'mine' as const, after: undefined };
  // Employees with only the read right get no tickets assigned: they start with "alle".
  const readOnly = rightOf(user, 'communication') === 'read';
  const effectiveScope = parsed.success && (await searchParams).scope ? scope : readOnly ? 'all' : scope;
  const { items, next } = await ticketsFor(tenant.id, user, { status, scope: effectiveScope, after });
  const qs = (extra: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ status: status === 'open' ? undefined : status, scope: effectiveScope, ...extra })) if (v) p.set(k, v);
    const s = p.toString();
    return s ? `/tickets?${s}` : '/tickets';
  };
  return (
    <>
      <PageHeader title="KOMMUNIKATION" subtitle="Nachrichten Ihrer Kunden: neueste Aktivität zuerst, ungelesene hervorgehoben." />
      <form className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-center" action="/tickets">
        <label htmlFor="status" className="sr-only">
          Tickets
        </label>
        <select id="status" name="status" defaultValue={status} className="h-11 rounded-lg border border-gray-300 bg-white px-3 text-sm font-semibold shadow-sm">
          <option value="open">OFFENE TICKETS</option>
          <option value="closed">GESCHLOSSENE TICKETS</option>
        </select>
        <label htmlFor="scope" className="sr-only">
          Zuständigkeit
        </label>
        <select id="scope" name="scope" defaultValue={effectiveScope} className="h-11 rounded-lg border border-gray-300 bg-white px-3 text-sm shadow-sm">
          <option value="mine">alle meine</option>
          <option value="all">{isAdmin(user) ? 'alle' : 'alle meiner Kontakte'}</option>
        </select>
        <button type="submit" className={buttonClass('secondary', 'md')}>
          Anzeigen
        </button>
      </form>
      {items.length === 0 ? (
        <EmptyState icon={<ChatIcon width={36} height={36} />} title={status === 'open' ? 'Keine offenen Tickets' : 'Keine geschlossenen Tickets'}>
          {status === 'open' ? 'Schreibt Ihnen ein Kunde über das Portal, erscheint die Nachricht hier – und Sie bekommen eine E-Mail.' : 'Abgeschlossene Tickets finden Sie hier.'}
        </EmptyState>
      ) : (
        <TicketList items={items} hrefOf={(id) => `/tickets/${id}`} audience="advisor" />
      )}
      <nav aria-label="Seiten" className="mt-4 flex justify-end gap-2">
        {after ? (
          <Link href={qs({})} className={buttonClass('ghost', 'sm')}>
            Zum Anfang
          </Link>
        ) : null}
        {next ? (
          <Link href={qs({ after: next })} className={buttonClass('secondary', 'sm')}>
            Ältere Tickets →
          </Link>
        ) : null}
      </nav>
    </>
  );
}
