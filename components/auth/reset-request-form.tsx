'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { requestResetAction } from '@/lib/auth/actions';

/** "Passwort vergessen?": always the same answer, whether an account exists or not. */
export function ResetRequestForm() {
  const f = useForm(requestResetAction);
  const t = useTranslations('auth.reset');
  const tc = useTranslations('common');
  if (f.state?.ok) {
    return (
      <div className="space-y-4">
        <Alert tone="success">{t('sent')}</Alert>
        <ButtonLink href="/login" variant="secondary" className="w-full">
          {tc('toLogin')}
        </ButtonLink>
      </div>
    );
  }
  return (
    <form action={f.formAction} noValidate className="space-y-4" key={f.version}>
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      <Field
        label={t('login')}
        name="login"
        autoComplete="username"
        autoCapitalize="none"
        required
        defaultValue={f.value('login')}
        error={f.error('login')}
      />
      <SubmitButton size="lg" className="w-full" pendingLabel={tc('sending')}>
        {t('submit')}
      </SubmitButton>
    </form>
  );
}
