'use client';

import { browserSupportsWebAuthn, startRegistration, WebAuthnError } from '@simplewebauthn/browser';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { finishPasskeyRegistrationAction, startPasskeyRegistrationAction } from '@/lib/auth/passkeys/actions';

/** The browser's refusal (cancelled, no authenticator, timed out): one calm sentence, no stack. */
export function ceremonyFailed(error: unknown): boolean {
  return (error instanceof Error && error.name === 'NotAllowedError') || error instanceof WebAuthnError;
}

/**
 * "Passkey hinzufügen": name and password, then the device's own dialog (fingerprint, face, PIN); the passkey
 * is stored by the server after it checked the answer. `doneHref` (forced setup): where to go on.
 */
export function AddPasskeyForm({ doneHref }: { doneHref?: string }) {
  const t = useTranslations('account.passkey');
  const router = useRouter();
  const [busy, start] = useTransition();
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const name = String(data.get('name') ?? '');
    const password = String(data.get('password') ?? '');
    setError(null);
    setDone(null);
    start(async () => {
      if (!browserSupportsWebAuthn()) return setError({ message: t('unsupported') });
      const options = await startPasskeyRegistrationAction({ password });
      if (!options.ok) {
        const [field, message] = Object.entries(options.fieldErrors ?? {})[0] ?? [];
        return setError({ field, message: message ?? options.message ?? t('failed') });
      }
      let response;
      try {
        response = await startRegistration({ optionsJSON: options.data });
      } catch (e) {
        return setError({ message: ceremonyFailed(e) ? t('cancelled') : t('failed') });
      }
      const saved = await finishPasskeyRegistrationAction({ name, response });
      if (!saved.ok) return setError({ message: saved.message ?? t('failed') });
      form.reset();
      setDone(saved.data.name);
      if (doneHref) router.push(doneHref);
      else router.refresh();
    });
  }

  return (
    <form
      noValidate
      className="flex max-w-md flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget);
      }}
    >
      {error && !error.field ? <Alert tone="error">{error.message}</Alert> : null}
      {done ? <Alert tone="success">{t('addedDone', { name: done })}</Alert> : null}
      <Field label={t('name')} name="name" id="passkey-name" maxLength={60} autoComplete="off" />
      <Field
        label={t('password')}
        name="password"
        id="passkey-password"
        type="password"
        autoComplete="current-password"
        required
        error={error?.field === 'password' ? error.message : undefined}
      />
      <div>
        <Button type="submit" disabled={busy} className="w-full sm:w-auto">
          {busy ? t('adding') : t('add')}
        </Button>
      </div>
    </form>
  );
}
