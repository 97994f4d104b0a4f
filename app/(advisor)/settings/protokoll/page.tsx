import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ProtocolFilters } from '@/components/protocol/protocol-filters';
import { ProtocolTable } from '@/components/protocol/protocol-table';
import { ButtonLink } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { canManageSettings } from '@/lib/access/employee';
import { canSeeProtocol } from '@/lib/access/protocol';
import { kindLabel, knownKinds } from '@/lib/protocol/kinds';
import { listProtocol } from '@/lib/protocol/list';
import { contactNameOf, protocolPeople } from '@/lib/protocol/people';
import { filterOf } from '@/lib/protocol/schemas';
import { advisorCtx } from '@/lib/request/ctx';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('protocol'))('title') };
}

export default async function ProtocolPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await advisorCtx();
  if (!canSeeProtocol(ctx.actor)) notFound();
  const { filter, invalid } = filterOf(await searchParams);
  const [t, page, people, contactName] = await Promise.all([
    getTranslations('protocol'),
    listProtocol(ctx, filter),
    protocolPeople(ctx),
    contactNameOf(ctx, filter.contact),
  ]);
  const kinds = knownKinds
    .map((k) => ({ value: k, label: kindLabel(ctx.locale, k) }))
    .sort((a, b) => a.label.localeCompare(b.label, ctx.locale));
  const params = new URLSearchParams(
    Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'cursor'),
  );
  const withCursor = (cursor: string) => `?${new URLSearchParams([...params, ['cursor', cursor]]).toString()}`;
  return (
    <>
      {canManageSettings(ctx.actor) ? (
        <Link href="/settings" className="text-sm font-medium text-primary hover:underline">
          {t('back')}
        </Link>
      ) : null}
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card className="mb-6">
        <ProtocolFilters filter={filter} people={people} kinds={kinds} contactName={contactName} invalid={invalid} />
      </Card>
      {page.items.length === 0 ? <EmptyState title={t('empty')} /> : <ProtocolTable items={page.items} />}
      <div className="mt-4 flex flex-wrap gap-3">
        {filter.cursor ? (
          <ButtonLink href={`?${params.toString()}`} variant="ghost">
            {t('first')}
          </ButtonLink>
        ) : null}
        {page.next ? (
          <ButtonLink href={withCursor(page.next)} variant="secondary">
            {t('more')}
          </ButtonLink>
        ) : null}
      </div>
    </>
  );
}
