'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { confirmTotpAction, startTotpSetupAction } from '@/lib/auth/factors/actions';
import type { TotpSetup } from '@/lib/auth/factors/setup';

/** The recovery codes, shown once after the setup or a renewal. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useTranslations('account.factor');
  return (
    <div className="rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h3 className="font-semibold">{t('recoveryTitle')}</h3>
      <p className="mt-1 text-sm text-gray-700">{t('recoveryHint')}</p>
      <ul className="mt-3 grid grid-cols-2 gap-2 font-mono text-sm" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code} className="rounded bg-white px-2 py-1 text-center ring-1 ring-amber-200">
            {code}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * "Zwei-Faktor-Anmeldung einrichten": a new secret as QR code and as text, then the first code from the app
 * switches it on and the ten recovery codes are shown once. `doneHref`: where to go on (forced setup).
 */
export function TotpSetupFlow({ doneHref, onDone }: { doneHref?: string; onDone?: () => void }) {
  const t = useTranslations('account.factor');
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, startTransition] = useTransition();
  const f = useForm<{ recoveryCodes: string[] }>(confirmTotpAction);

  if (f.state?.ok) {
    return (
      <div className="space-y-4">
        <Alert tone="success">{t('enabled')}</Alert>
        <RecoveryCodes codes={f.state.data.recoveryCodes} />
        {doneHref ? (
          <ButtonLink href={doneHref}>{t('continue')}</ButtonLink>
        ) : onDone ? (
          <Button type="button" variant="secondary" onClick={onDone}>
            {t('continue')}
          </Button>
        ) : null}
      </div>
    );
  }

  if (!setup) {
    return (
      <div className="space-y-3">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <Button
          type="button"
          disabled={starting}
          onClick={() =>
            startTransition(async () => {
              const result = await startTotpSetupAction({});
              if (result.ok) setSetup(result.data);
              else setError(result.message ?? null);
            })
          }
        >
          {starting ? t('starting') : t('start')}
        </Button>
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <p className="text-sm">{t('scan')}</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, no optimisation */}
      <img
        src={setup.qr}
        alt={t('qrAlt')}
        width={192}
        height={192}
        className="rounded bg-white p-2 ring-1 ring-gray-200"
      />
      <p className="text-sm text-gray-700">{t('manual')}</p>
      <code className="block break-all rounded bg-gray-100 px-3 py-2 font-mono text-sm" data-testid="totp-secret">
        {setup.secret}
      </code>
      <form action={f.formAction} noValidate className="max-w-xs space-y-3" key={f.version}>
        <p className="text-sm">{t('enter')}</p>
        {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
        <Field
          label={t('code')}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          error={f.error('code')}
        />
        <SubmitButton pendingLabel={t('confirming')}>{t('confirm')}</SubmitButton>
      </form>
    </div>
  );
}
