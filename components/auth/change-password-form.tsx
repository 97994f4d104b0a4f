'use client';

import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { changePasswordAction } from '@/lib/auth/actions';

export function ChangePasswordForm() {
  const f = useForm(changePasswordAction);
  return (
    <form action={f.formAction} noValidate className="max-w-md space-y-4" key={f.version}>
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      {f.state?.ok ? <Alert tone="success">Ihr Passwort wurde geändert. Alle anderen Sitzungen wurden beendet.</Alert> : null}
      <Field label="Bisheriges Passwort" name="currentPassword" type="password" autoComplete="current-password" required error={f.error('currentPassword')} />
      <Field label="Neues Passwort" name="password" type="password" autoComplete="new-password" required error={f.error('password')} hint="Mindestens 12 Zeichen, kein verbreitetes Passwort." />
      <Field label="Neues Passwort wiederholen" name="passwordRepeat" type="password" autoComplete="new-password" required error={f.error('passwordRepeat')} />
      <SubmitButton pendingLabel="Wird gespeichert …">PASSWORT ÄNDERN</SubmitButton>
    </form>
  );
}
