'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { reminderSettingsAction } from '@/lib/reminders/actions';

/** EINSTELLUNGEN → Fristen-Erinnerungen: "30, 7". */
export function ReminderSettingsForm({ days }: { days: number[] }) {
  const t = useTranslations('reminders.settings');
  const f = useForm(reminderSettingsAction, { days: days.join(', ') });
  return (
    <form action={f.formAction} noValidate className="space-y-4" key={f.version}>
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      {f.state?.ok ? <Alert tone="success">{t('saved')}</Alert> : null}
      <Field
        label={t('label')}
        name="days"
        inputMode="numeric"
        required
        defaultValue={f.value('days')}
        error={f.error('days')}
        hint={t('hint')}
      />
      <SubmitButton pendingLabel={t('saving')}>{t('submit')}</SubmitButton>
    </form>
  );
}
