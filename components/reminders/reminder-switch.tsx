'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { contractReminderAction } from '@/lib/reminders/actions';

/** Client contract page: "Erinnerung per E-Mail" on or off for this contract's deadlines. */
export function ReminderSwitch({ contractId, on }: { contractId: string; on: boolean }) {
  const t = useTranslations('reminders.switch');
  const f = useForm(contractReminderAction);
  return (
    <section aria-labelledby="reminder-switch-title" className="mt-6 rounded-xl border border-gray-200 bg-white p-5">
      <h2 id="reminder-switch-title" className="text-base font-semibold">
        {t('title')}
      </h2>
      <p className="mt-1 text-sm text-gray-600">{on ? t('on') : t('off')}</p>
      <form action={f.formAction} className="mt-3">
        {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
        <input type="hidden" name="contractId" value={contractId} />
        <input type="hidden" name="on" value={on ? '0' : '1'} />
        <SubmitButton variant={on ? 'secondary' : 'primary'} pendingLabel={t('saving')}>
          {on ? t('turnOff') : t('turnOn')}
        </SubmitButton>
      </form>
    </section>
  );
}
