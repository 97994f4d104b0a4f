'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { activateAction, type ActivationDone } from '@/lib/auth/actions';
import { StrengthHint } from './strength-hint';

/** PASSWORT VERGEBEN: password twice and the PIN (birth date TTMMJJJJ). */
export function ActivationForm({ token, userInputs }: { token: string; userInputs: string[] }) {
  const f = useForm<ActivationDone>(activateAction);
  const [password, setPassword] = useState('');
  const t = useTranslations('auth.activation');
  const tc = useTranslations('common');
  if (f.state?.ok) {
    const done = f.state.data;
    return (
      <div className="space-y-4">
        <Alert tone="success">
          <p className="font-semibold">{t('saved')}</p>
          <p className="mt-1">{done.purpose === 'invite' ? t('nextInvite') : t('nextReset')}</p>
        </Alert>
        <p className="text-sm text-gray-600">
          {t.rich('username', {
            username: done.username,
            strong: (chunks) => <strong className="text-ink">{chunks}</strong>,
          })}
        </p>
        <ButtonLink href="/login" size="lg" className="w-full">
          {t('toLogin')}
        </ButtonLink>
      </div>
    );
  }
  // A used, burnt or expired link and a throttled address: the form would not help, the message says why.
  const blocked = f.failed && ['expired', 'rate_limited'].includes(f.failed.code);
  return (
    <form action={f.formAction} noValidate className="space-y-4">
      <input type="hidden" name="token" value={token} />
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      {blocked ? null : (
        <>
          <div className="space-y-2">
            <Field
              label={t('password')}
              name="password"
              type="password"
              autoComplete="new-password"
              required
              error={f.error('password')}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <StrengthHint password={password} userInputs={userInputs} />
          </div>
          <Field
            label={t('repeat')}
            name="passwordRepeat"
            type="password"
            autoComplete="new-password"
            required
            error={f.error('passwordRepeat')}
          />
          <Field
            label={t('pin')}
            name="pin"
            inputMode="numeric"
            autoComplete="off"
            placeholder={t('pinPlaceholder')}
            required
            error={f.error('pin')}
          />
          <SubmitButton size="lg" className="w-full" pendingLabel={tc('saving')}>
            {t('submit')}
          </SubmitButton>
        </>
      )}
    </form>
  );
}
