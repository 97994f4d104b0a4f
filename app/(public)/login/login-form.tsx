'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { loginAction, type LoginState } from '@/lib/auth/actions';

export function LoginForm({
  labels,
}: {
  labels: { login: string; password: string; submit: string; submitting: string };
}) {
  const [state, action, pending] = useActionState<LoginState, FormData>(loginAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="mt-6 flex flex-col gap-4" noValidate>
      {failed?.message ? <Alert tone="error">{failed.message}</Alert> : null}
      <Field
        label={labels.login}
        name="login"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        defaultValue={state?.values?.login ?? ''}
        error={failed?.fieldErrors?.login}
        key={`login-${state?.values?.login ?? ''}`}
      />
      <Field
        label={labels.password}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={failed?.fieldErrors?.password}
      />
      <Button type="submit" size="lg" disabled={pending} className="mt-2 w-full">
        {pending ? labels.submitting : labels.submit}
      </Button>
    </form>
  );
}
