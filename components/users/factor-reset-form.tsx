'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { resetClientFactorAction, resetEmployeeFactorAction } from '@/lib/auth/factors/actions';

/** "Zweiten Faktor zurücksetzen": for an employee (admins) or a client (login-data right, with the PIN). */
export function FactorResetForm({ kind, id }: { kind: 'employee' | 'client'; id: string }) {
  const t = useTranslations('users.factor');
  const f = useForm<{ hadFactor: boolean }>(kind === 'employee' ? resetEmployeeFactorAction : resetClientFactorAction);
  return (
    <form action={f.formAction} noValidate className="space-y-3" key={f.version}>
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      {f.state?.ok ? <Alert tone="success">{t('done')}</Alert> : null}
      <input type="hidden" name={kind === 'employee' ? 'userId' : 'contactId'} value={id} />
      {kind === 'client' ? (
        <Field label={t('pin')} name="pin" inputMode="numeric" required hint={t('pinHint')} error={f.error('pin')} />
      ) : null}
      <p className="text-xs text-gray-500">{t('resetHint')}</p>
      <SubmitButton variant="danger" size="sm" pendingLabel={t('working')}>
        {t('reset')}
      </SubmitButton>
    </form>
  );
}
