import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import { EmployeeForm } from '@/components/users/employee-form';
import { EmployeeStatusActions } from '@/components/users/employee-status';
import { canManageUsers } from '@/lib/access/employee';
import { advisorCtx } from '@/lib/request/ctx';
import { updateEmployeeAction } from '@/lib/users/actions';
import { getEmployee } from '@/lib/users/list';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('users.edit'))('title') };
}

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await advisorCtx();
  if (!canManageUsers(ctx.actor)) notFound();
  const [t, employee] = await Promise.all([getTranslations('users'), getEmployee(ctx, (await params).id)]);
  if (!employee) notFound();
  const initial: Record<string, string> = {
    id: employee.id,
    salutation: employee.salutation ?? '',
    firstName: employee.firstName,
    lastName: employee.lastName,
    birthDate: employee.birthDate ?? '',
    email: employee.email,
    employeeType: employee.employeeType ?? 'mitarbeiter',
    role: employee.role ?? 'employee',
    scope: employee.scope ?? 'all',
    ...Object.fromEntries(
      Object.entries(employee.rights ?? {}).map(([k, v]) =>
        typeof v === 'boolean' ? [`flag_${k}`, v ? 'on' : ''] : [`right_${k}`, v],
      ),
    ),
  };
  return (
    <ClientMessages pick={['users']}>
      <>
        <Link href="/users" className="text-sm font-medium text-primary hover:underline">
          {t('edit.back')}
        </Link>
        <PageHeader
          title={`${employee.firstName} ${employee.lastName}`}
          subtitle={
            <span className="flex flex-wrap items-center gap-2">
              {t('edit.username')}{' '}
              <code className="rounded bg-gray-100 px-1.5 py-0.5 text-sm">{employee.username}</code>
              <StatusBadge status={employee.status} label={t(`accountStatus.${employee.status as 'none'}`)} />
              {employee.status === 'invited' && employee.link === 'burned' ? (
                <StatusBadge status="locked" label={t('link.burned')} />
              ) : null}
            </span>
          }
        />
        <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
          <Card>
            <EmployeeForm
              action={updateEmployeeAction}
              initial={initial}
              submitLabel={t('edit.save')}
              savedMessage={t('edit.saved')}
            />
          </Card>
          <Card className="h-fit">
            <h2 className="text-base font-semibold">{t('edit.access')}</h2>
            <p className="mb-4 mt-1 text-sm text-gray-600">{t('edit.accessHint')}</p>
            <EmployeeStatusActions id={employee.id} status={employee.status} isSelf={employee.id === ctx.actor.id} />
          </Card>
        </div>
      </>
    </ClientMessages>
  );
}
