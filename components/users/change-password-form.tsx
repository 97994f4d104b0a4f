'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { changePasswordAction } from '@/lib/users/actions';

/** "Mein Zugang" → Passwort ändern: the old password, the new one twice; every other session ends. */
export function ChangePasswordForm() {
  const t = useTranslations('account.password');
  const f = useForm(changePasswordAction);
  return (
    <form action={f.formAction} noValidate className="max-w-md space-y-4" key={f.version}>
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      {f.state?.ok ? <Alert tone="success">{t('changed')}</Alert> : null}
      <Field
        label={t('current')}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={f.error('currentPassword')}
      />
      <Field
        label={t('new')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={f.error('password')}
        hint={t('newHint')}
      />
      <Field
        label={t('repeat')}
        name="passwordRepeat"
        type="password"
        autoComplete="new-password"
        required
        error={f.error('passwordRepeat')}
      />
      <SubmitButton pendingLabel={t('saving')}>{t('submit')}</SubmitButton>
    </form>
  );
}
