import type { Metadata } from 'next';
import Link from 'next/link';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import { Table, Td } from '@/components/ui/table';
import { UsersIcon } from '@/components/ui/icons';
import { canManageUsers } from '@/lib/access/employee';
import { requireAdvisor } from '@/lib/auth/current';
import { listEmployeesOf } from '@/lib/users/queries';
import { employeeTypeLabels, roleLabels, statusLabels } from '@/lib/users/labels';

export const metadata: Metadata = { title: 'BENUTZER' };

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ neu?: string }> }) {
  const { tenant, user } = await requireAdvisor();
  if (!canManageUsers(user)) {
    return (
      <EmptyState icon={<UsersIcon width={36} height={36} />} title="Nur für Admins">
        Benutzer und ihre Rechte verwalten die Admins Ihres Unternehmens.
      </EmptyState>
    );
  }
  const { neu } = await searchParams;
  const employees = await listEmployeesOf(tenant.id);
  return (
    <>
      <PageHeader title="BENUTZER" subtitle="Mitarbeiter, Netzwerkpartner und Experten Ihres Unternehmens" actions={<ButtonLink href="/users/new">BENUTZER ERSTELLEN</ButtonLink>} />
      {neu ? (
        <p role="status" className="mb-4 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          Der Benutzer wurde angelegt. Die PASSWORT-MAIL #1 ist unterwegs.
        </p>
      ) : null}
      <Table caption="Benutzer" head={['Name', 'Art', 'Rolle', 'Status']}>
        {employees.map((e) => (
          <tr key={e.id} className={e.id === neu ? 'bg-primary-soft' : undefined} data-highlight={e.id === neu ? 'true' : undefined}>
            <Td>
              <Link href={`/users/${e.id}`} className="font-semibold text-primary hover:underline">
                {e.lastName}, {e.firstName}
              </Link>
              <div className="text-xs text-gray-500">{e.email}</div>
            </Td>
            <Td>{employeeTypeLabels[(e.employeeType ?? 'mitarbeiter') as keyof typeof employeeTypeLabels]}</Td>
            <Td>{roleLabels[e.role ?? 'employee']}</Td>
            <Td>
              <StatusBadge status={e.status} label={statusLabels[e.status] ?? e.status} />
            </Td>
          </tr>
        ))}
      </Table>
    </>
  );
}
