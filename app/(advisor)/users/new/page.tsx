import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/components/ui/card';
import { EmployeeForm } from '@/components/users/employee-form';
import { canManageUsers } from '@/lib/access/employee';
import { advisorCtx } from '@/lib/request/ctx';
import { createEmployeeAction } from '@/lib/users/actions';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('users.new'))('title') };
}

export default async function NewUserPage() {
  const ctx = await advisorCtx();
  if (!canManageUsers(ctx.actor)) notFound();
  const t = await getTranslations('users.new');
  return (
    <ClientMessages pick={['users']}>
      <>
        <Link href="/users" className="text-sm font-medium text-primary hover:underline">
          {t('back')}
        </Link>
        <PageHeader title={t('title')} subtitle={t('subtitle')} />
        <Card>
          <EmployeeForm action={createEmployeeAction} initial={{}} submitLabel={t('save')} />
        </Card>
      </>
    </ClientMessages>
  );
}
