'use client';

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
  if (f.state?.ok) {
    const done = f.state.data;
    return (
      <div className="space-y-4">
        <Alert tone="success">
          <p className="font-semibold">Ihr Passwort wurde erfolgreich gespeichert.</p>
          <p className="mt-1">
            {done.purpose === 'invite'
              ? 'Kurz darauf erhalten Sie die PASSWORT-MAIL #2 mit Ihrem BENUTZERNAMEN für den Login.'
              : 'Sie können sich jetzt mit Ihrem neuen Passwort anmelden.'}
          </p>
        </Alert>
        <p className="text-sm text-gray-600">
          Ihr BENUTZERNAME: <strong className="text-ink">{done.username}</strong>
        </p>
        <ButtonLink href="/login" size="lg" className="w-full">
          ZUM LOGIN
        </ButtonLink>
      </div>
    );
  }
  const blocked = f.failed && ['link', 'burned', 'throttled'].includes(f.failed.code);
  return (
    <form action={f.formAction} noValidate className="space-y-4">
      <input type="hidden" name="token" value={token} />
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      {blocked ? null : (
        <>
          <div className="space-y-2">
            <Field label="Passwort" name="password" type="password" autoComplete="new-password" required error={f.error('password')} value={password} onChange={(e) => setPassword(e.target.value)} />
            <StrengthHint password={password} userInputs={userInputs} />
          </div>
          <Field label="Passwort wiederholen" name="passwordRepeat" type="password" autoComplete="new-password" required error={f.error('passwordRepeat')} />
          <Field label="PIN (Ihr Geburtsdatum als TTMMJJJJ)" name="pin" inputMode="numeric" autoComplete="off" placeholder="TTMMJJJJ" required error={f.error('pin')} />
          <SubmitButton size="lg" className="w-full" pendingLabel="Wird gespeichert …">
            PASSWORT SPEICHERN
          </SubmitButton>
        </>
      )}
    </form>
  );
}
