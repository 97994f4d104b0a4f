import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Card, PageHeader } from '@/components/ui/card';
import { EmployeeForm } from '@/components/users/employee-form';
import { canManageUsers } from '@/lib/access/employee';
import { requireAdvisor } from '@/lib/auth/current';
import { createEmployeeAction } from '@/lib/users/actions';

export const metadata: Metadata = { title: 'BENUTZER ERSTELLEN' };

export default async function NewUserPage() {
  const { user } = await requireAdvisor();
  if (!canManageUsers(user)) notFound();
  return (
    <>
      <Link href="/users" className="text-sm font-medium text-primary hover:underline">
        ← BENUTZER
      </Link>
      <PageHeader title="BENUTZER ERSTELLEN" subtitle="Nach dem SPEICHERN erhält der Benutzer sofort die PASSWORT-MAIL #1." />
      <Card>
        <EmployeeForm action={createEmployeeAction} initial={{}} submitLabel="SPEICHERN" />
      </Card>
    </>
  );
}
