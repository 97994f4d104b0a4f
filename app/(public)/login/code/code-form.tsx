'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { loginCodeAction } from '@/lib/auth/actions';

export function CodeForm() {
  const t = useTranslations('signin.code');
  const f = useForm(loginCodeAction);
  return (
    <form action={f.formAction} noValidate className="flex flex-col gap-4" key={f.version}>
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      <Field
        label={t('label')}
        name="code"
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        autoFocus
        required
        error={f.error('code')}
      />
      <SubmitButton size="lg" className="w-full" pendingLabel={t('submitting')}>
        {t('submit')}
      </SubmitButton>
    </form>
  );
}
