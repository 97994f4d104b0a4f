import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ButtonLink, buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { ContactsIcon } from '@/components/ui/icons';
import { Table } from '@/components/ui/table';
import { contactRowsHtml } from '@/components/contacts/contact-rows';
import { canEditContacts, canImport, canViewContacts } from '@/lib/access/employee';
import { listContacts } from '@/lib/contacts/list';
import { contactListSchema } from '@/lib/contacts/schemas';
import { advisorCtx } from '@/lib/request/ctx';
import { ClientMessages } from '@/components/i18n/client-messages';
import { BulkAccountBar } from '@/components/contacts/bulk-account';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('contacts.list'))('title') };
}

export default async function ContactsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const ctx = await advisorCtx();
  const user = ctx.actor;
  const t = await getTranslations('contacts.list');
  const tu = await getTranslations('users');
  const tb = await getTranslations('contacts.bulk');
  if (!canViewContacts(user)) {
    return (
      <EmptyState icon={<ContactsIcon width={36} height={36} />} title={t('noRightsTitle')}>
        {t('noRightsText')}
      </EmptyState>
    );
  }
  const params = await searchParams;
  const query = contactListSchema.safeParse(params);
  const { q, sort, after, filter } = query.success
    ? query.data
    : { q: '', sort: 'name' as const, after: undefined, filter: 'all' as const };
  const { items, next } = await listContacts(ctx, {
    q,
    sort,
    after,
    leadsOnly: filter === 'leads',
    incompleteOnly: filter === 'incomplete',
  });
  // The contact just created (KONTAKT ERSTELLEN → SPEICHERN) is shown highlighted above the first page when its
  // place in the order is further down – in a book of thousands it would otherwise not be seen.
  const fresh =
    params.neu && !after && !items.some((item) => item.id === params.neu)
      ? (await listContacts(ctx, { only: params.neu, limit: 1 })).items
      : [];
  const shown = [...fresh, ...items];
  const qs = (extra: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({
      q: q || undefined,
      sort: sort === 'name' ? undefined : sort,
      filter: filter === 'all' ? undefined : filter,
      ...extra,
    }))
      if (v) p.set(k, v);
    const s = p.toString();
    return s ? `/contacts?${s}` : '/contacts';
  };
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          canEditContacts(user) || canImport(user) ? (
            <div className="flex flex-wrap gap-2">
              {canImport(user) ? (
                <ButtonLink href="/contacts/import" variant="secondary">
                  {t('import')}
                </ButtonLink>
              ) : null}
              {canEditContacts(user) ? <ButtonLink href="/contacts/new">{t('create')}</ButtonLink> : null}
            </div>
          ) : undefined
        }
      />
      {params.geloescht ? (
        <p
          role="status"
          className="mb-4 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
        >
          {t('deleted')}
        </p>
      ) : null}
      {params.neu ? (
        <p
          role="status"
          className="mb-4 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
        >
          {t('created')}
        </p>
      ) : null}
      <form role="search" className="mb-4 flex flex-col gap-2 sm:flex-row" action="/contacts">
        <label htmlFor="q" className="sr-only">
          {t('searchLabel')}
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={q}
          placeholder={t('searchPlaceholder')}
          className="h-11 w-full rounded-lg border border-gray-300 sm:flex-1 bg-white px-3.5 text-base shadow-sm outline-none focus:border-primary focus:ring-4 focus:ring-primary/15"
        />
        <label htmlFor="sort" className="sr-only">
          {t('sortLabel')}
        </label>
        <label htmlFor="filter" className="sr-only">
          {t('filterLabel')}
        </label>
        <select
          id="filter"
          name="filter"
          defaultValue={filter}
          className="h-11 rounded-lg border border-gray-300 bg-white px-3 text-sm shadow-sm"
        >
          <option value="all">{t('filterAll')}</option>
          <option value="leads">{t('filterLeads')}</option>
          <option value="incomplete">{t('filterIncomplete')}</option>
        </select>
        <select
          id="sort"
          name="sort"
          defaultValue={sort}
          className="h-11 rounded-lg border border-gray-300 bg-white px-3 text-sm shadow-sm"
        >
          <option value="name">{t('sortName')}</option>
          <option value="created">{t('sortCreated')}</option>
        </select>
        <button type="submit" className={buttonClass('secondary', 'md')}>
          {t('search')}
        </button>
      </form>
      {shown.length === 0 ? (
        <EmptyState
          icon={<ContactsIcon width={36} height={36} />}
          title={q ? t('notFoundTitle', { q }) : t('emptyTitle')}
        >
          {q ? t('notFoundText') : t('emptyText')}
        </EmptyState>
      ) : (
        <>
          {canEditContacts(user) ? (
            <ClientMessages pick={['contacts']}>
              <BulkAccountBar q={q} filter={filter} shown={shown.length} />
            </ClientMessages>
          ) : null}
          <Table
            caption={t('caption')}
            head={[
              tb('select'),
              t('columns.name'),
              t('columns.email'),
              t('columns.city'),
              t('columns.advisor'),
              t('columns.access'),
            ]}
            bodyHtml={contactRowsHtml(
              shown,
              {
                selectOne: (name) => tb('selectOne', { name }),
                incomplete: t('incomplete'),
                lead: t('lead'),
                status: (status) => tu(`accountStatus.${status as 'none'}`),
              },
              params.neu,
            )}
          />
        </>
      )}
      <nav aria-label={t('pages')} className="mt-4 flex justify-end gap-2">
        {after ? (
          <Link href={qs({})} className={buttonClass('ghost', 'sm')}>
            {t('first')}
          </Link>
        ) : null}
        {next ? (
          <Link href={qs({ after: next })} className={buttonClass('secondary', 'sm')}>
            {t('next')}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
