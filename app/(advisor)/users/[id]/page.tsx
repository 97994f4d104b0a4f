import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Card, PageHeader } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import { EmployeeForm } from '@/components/users/employee-form';
import { EmployeeStatusActions } from '@/components/users/employee-status';
import { canManageUsers } from '@/lib/access/employee';
import { requireAdvisor } from '@/lib/auth/current';
import { updateEmployeeAction } from '@/lib/users/actions';
import { linkLabels, statusLabels } from '@/lib/users/labels';
import { getEmployeeOf } from '@/lib/users/queries';

export const metadata: Metadata = { title: 'Benutzer bearbeiten' };

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { tenant, user } = await requireAdvisor();
  if (!canManageUsers(user)) notFound();
  const employee = await getEmployeeOf(tenant.id, (await params).id);
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
    ...Object.fromEntries(Object.entries(employee.rights ?? {}).map(([k, v]) => [`right_${k}`, v])),
  };
  return (
    <>
      <Link href="/users" className="text-sm font-medium text-primary hover:underline">
        ← BENUTZER
      </Link>
      <PageHeader
        title={`${employee.firstName} ${employee.lastName}`}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            BENUTZERNAME <code className="rounded bg-gray-100 px-1.5 py-0.5 text-sm">{employee.username}</code>
            <StatusBadge status={employee.status} label={statusLabels[employee.status] ?? employee.status} />
            {employee.status === 'invited' && employee.link === 'burned' ? <StatusBadge status="locked" label={linkLabels.burned} /> : null}
          </span>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <Card>
          <EmployeeForm action={updateEmployeeAction} initial={initial} submitLabel="SPEICHERN" savedMessage="Die Änderungen sind gespeichert." />
        </Card>
        <Card className="h-fit">
          <h2 className="text-base font-semibold">Zugang</h2>
          <p className="mb-4 mt-1 text-sm text-gray-600">Sperren beendet alle Sitzungen des Benutzers sofort.</p>
          <EmployeeStatusActions id={employee.id} status={employee.status} isSelf={employee.id === user.id} />
        </Card>
      </div>
    </>
  );
}
