import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { Card, PageHeader } from '@/components/ui/card';
import { requireAdvisor } from '@/lib/auth/current';

export const metadata: Metadata = { title: 'Mein Zugang' };

export default async function AdvisorAccountPage() {
  const { user } = await requireAdvisor();
  return (
    <>
      <PageHeader title="Mein Zugang" subtitle={`BENUTZERNAME: ${user.username}`} />
      <Card>
        <h2 className="mb-4 text-lg font-semibold">Passwort ändern</h2>
        <ChangePasswordForm />
      </Card>
    </>
  );
}
