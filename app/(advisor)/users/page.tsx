import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { UsersIcon } from '@/components/ui/icons';
import { StatusBadge } from '@/components/ui/status-badge';
import { Table, Td } from '@/components/ui/table';
import { canManageUsers } from '@/lib/access/employee';
import { advisorCtx } from '@/lib/request/ctx';
import { listEmployees } from '@/lib/users/list';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('users.list'))('title') };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ neu?: string }> }) {
  const ctx = await advisorCtx();
  const t = await getTranslations('users');
  if (!canManageUsers(ctx.actor)) {
    return (
      <EmptyState page icon={<UsersIcon width={36} height={36} />} title={t('list.adminsOnlyTitle')}>
        {t('list.adminsOnlyText')}
      </EmptyState>
    );
  }
  const { neu } = await searchParams;
  const employees = await listEmployees(ctx);
  return (
    <>
      <PageHeader
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        actions={<ButtonLink href="/users/new">{t('list.create')}</ButtonLink>}
      />
      {neu ? (
        <p
          role="status"
          className="mb-4 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
        >
          {t('list.created')}
        </p>
      ) : null}
      <Table
        caption={t('list.caption')}
        head={[t('list.columns.name'), t('list.columns.type'), t('list.columns.role'), t('list.columns.status')]}
      >
        {employees.map((e) => (
          <tr
            key={e.id}
            className={e.id === neu ? 'bg-primary-soft' : undefined}
            data-highlight={e.id === neu ? 'true' : undefined}
          >
            <Td>
              <Link href={`/users/${e.id}`} className="font-semibold text-primary hover:underline">
                {e.lastName}, {e.firstName}
              </Link>
              <div className="text-xs text-gray-500">{e.email}</div>
            </Td>
            <Td>{t(`types.${(e.employeeType ?? 'mitarbeiter') as 'mitarbeiter'}`)}</Td>
            <Td>{t(`roles.${e.role ?? 'employee'}`)}</Td>
            <Td>
              <StatusBadge status={e.status} label={t(`accountStatus.${e.status as 'none'}`)} />
            </Td>
          </tr>
        ))}
      </Table>
    </>
  );
}
