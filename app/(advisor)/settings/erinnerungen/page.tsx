import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ClientMessages } from '@/components/i18n/client-messages';
import { ReminderSettingsForm } from '@/components/reminders/reminder-settings-form';
import { Card, PageHeader } from '@/components/ui/card';
import { canManageSettings } from '@/lib/access/employee';
import { getReminderSettings } from '@/lib/reminders/settings';
import { advisorCtx } from '@/lib/request/ctx';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reminders.settings'))('title') };
}

export default async function ReminderSettingsPage() {
  const ctx = await advisorCtx();
  if (!canManageSettings(ctx.actor)) notFound();
  const t = await getTranslations('reminders.settings');
  const { days } = await getReminderSettings(ctx);
  return (
    <ClientMessages pick={['reminders.settings', 'reminders.errors', 'errors']}>
      <>
        <PageHeader title={t('title')} subtitle={t('subtitle')} />
        <Card className="max-w-xl">
          <ReminderSettingsForm days={days} />
        </Card>
      </>
    </ClientMessages>
  );
}
