import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TicketList } from '@/components/tickets/ticket-list';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { ChatIcon } from '@/components/ui/icons';
import { ticketListRights } from '@/lib/access/tickets';
import { advisorCtx } from '@/lib/request/ctx';
import { listTickets } from '@/lib/tickets/list';
import { ticketListSchema } from '@/lib/tickets/schemas';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tickets'))('title') };
}

export default async function TicketsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await advisorCtx();
  const may = ticketListRights(ctx.actor);
  if (!may.list) notFound();
  const t = await getTranslations('tickets');
  const query = await searchParams;
  const parsed = ticketListSchema.safeParse(query);
  const { status, scope, after } = parsed.success
    ? parsed.data
    : { status: 'open' as const, scope: 'mine' as const, after: undefined };
  // Employees with only the read right get no tickets assigned: they start with "alle".
  const effectiveScope = parsed.success && query.scope ? scope : may.startWithAll ? 'all' : scope;
  const { items, next } = await listTickets(ctx, { status, scope: effectiveScope, after });
  const qs = (extra: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({
      status: status === 'open' ? undefined : status,
      scope: effectiveScope,
      ...extra,
    }))
      if (v) p.set(k, v);
    const s = p.toString();
    return s ? `/tickets?${s}` : '/tickets';
  };
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('advisor.subtitle')} />
      <form className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-center" action="/tickets">
        <label htmlFor="status" className="sr-only">
          {t('advisor.statusLabel')}
        </label>
        <select
          id="status"
          name="status"
          defaultValue={status}
          className="h-11 rounded-lg border border-gray-300 bg-white px-3 text-sm font-semibold shadow-sm"
        >
          <option value="open">{t('advisor.openTickets')}</option>
          <option value="closed">{t('advisor.closedTickets')}</option>
        </select>
        <label htmlFor="scope" className="sr-only">
          {t('advisor.scopeLabel')}
        </label>
        <select
          id="scope"
          name="scope"
          defaultValue={effectiveScope}
          className="h-11 rounded-lg border border-gray-300 bg-white px-3 text-sm shadow-sm"
        >
          <option value="mine">{t('advisor.mine')}</option>
          <option value="all">{may.allIsTenant ? t('advisor.allTenant') : t('advisor.allContacts')}</option>
        </select>
        <button type="submit" className={buttonClass('secondary', 'md')}>
          {t('advisor.show')}
        </button>
      </form>
      {items.length === 0 ? (
        <EmptyState
          icon={<ChatIcon width={36} height={36} />}
          title={status === 'open' ? t('advisor.emptyOpen') : t('advisor.emptyClosed')}
        >
          {status === 'open' ? t('advisor.emptyOpenText') : t('advisor.emptyClosedText')}
        </EmptyState>
      ) : (
        <TicketList items={items} hrefOf={(id) => `/tickets/${id}`} audience="advisor" />
      )}
      <nav aria-label={t('advisor.pages')} className="mt-4 flex justify-end gap-2">
        {after ? (
          <Link href={qs({})} className={buttonClass('ghost', 'sm')}>
            {t('advisor.first')}
          </Link>
        ) : null}
        {next ? (
          <Link href={qs({ after: next })} className={buttonClass('secondary', 'sm')}>
            {t('advisor.older')}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
