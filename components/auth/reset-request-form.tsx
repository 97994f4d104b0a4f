'use client';

import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { requestResetAction } from '@/lib/auth/actions';

export function ResetRequestForm() {
  const f = useForm(requestResetAction);
  if (f.state?.ok) {
    return (
      <div className="space-y-4">
        <Alert tone="success">
          Wenn es zu diesen Angaben ein Benutzerkonto gibt, haben wir soeben eine E-Mail mit einem Link verschickt. Der Link ist 60 Minuten gültig.
        </Alert>
        <ButtonLink href="/login" variant="secondary" className="w-full">
          Zum Login
        </ButtonLink>
      </div>
    );
  }
  return (
    <form action={f.formAction} noValidate className="space-y-4" key={f.version}>
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      <Field label="Benutzername oder E-Mail" name="login" autoComplete="username" autoCapitalize="none" required defaultValue={f.value('login')} error={f.error('login')} />
      <SubmitButton size="lg" className="w-full" pendingLabel="Wird gesendet …">
        LINK ANFORDERN
      </SubmitButton>
    </form>
  );
}
