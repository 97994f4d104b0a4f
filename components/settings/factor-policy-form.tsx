'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { requireEmployeeFactorAction } from '@/lib/auth/factors/actions';

/** EINSTELLUNGEN → SICHERHEIT: "Zwei-Faktor-Anmeldung für Mitarbeiter verpflichtend". */
export function FactorPolicyForm({ required }: { required: boolean }) {
  const t = useTranslations('settings.security');
  const f = useForm<{ required: boolean }>(requireEmployeeFactorAction);
  const current = f.state?.ok ? f.state.data.required : required;
  return (
    <form action={f.formAction} noValidate className="space-y-3">
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      {f.state?.ok ? <Alert tone="success">{t('saved')}</Alert> : null}
      <label className="flex items-start gap-3 text-sm font-medium">
        <input
          type="checkbox"
          name="required"
          defaultChecked={current}
          className="mt-0.5 h-5 w-5 rounded border-gray-300 accent-[var(--color-primary)]"
        />
        <span>{t('requireLabel')}</span>
      </label>
      <p className="text-xs text-gray-500">{t('requireHint')}</p>
      <SubmitButton variant="secondary" size="sm" pendingLabel={t('saving')}>
        {t('save')}
      </SubmitButton>
    </form>
  );
}
