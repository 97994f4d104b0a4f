'use client';

import { browserSupportsWebAuthn, startAuthentication } from '@simplewebauthn/browser';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import {
  passkeyLoginAction,
  passkeyLoginOptionsAction,
  passkeySecondOptionsAction,
  passkeySecondStepAction,
} from '@/lib/auth/passkeys/actions';
import { ceremonyFailed } from './add-passkey';

/**
 * "Mit Passkey anmelden" on the login page (`login`: a passkey alone) or on the code page (`second`: the
 * passkey as the second factor of the pending login). The server redirects on success.
 */
export function PasskeySignIn({ mode }: { mode: 'login' | 'second' }) {
  const t = useTranslations('signin.passkey');
  const ta = useTranslations('account.passkey');
  const [busy, start] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function run() {
    setError(null);
    start(async () => {
      if (!browserSupportsWebAuthn()) return setError(ta('unsupported'));
      const options = await (mode === 'login' ? passkeyLoginOptionsAction({}) : passkeySecondOptionsAction({}));
      if (!options.ok) return setError(options.message ?? ta('failed'));
      let response;
      try {
        response = await startAuthentication({ optionsJSON: options.data });
      } catch (e) {
        return setError(ceremonyFailed(e) ? ta('cancelled') : ta('failed'));
      }
      const result = await (mode === 'login'
        ? passkeyLoginAction({ response })
        : passkeySecondStepAction({ response }));
      if (result && !result.ok) setError(result.message ?? ta('failed'));
    });
  }

  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button type="button" variant="secondary" size="lg" className="w-full" disabled={busy} onClick={run}>
        {busy ? t('working') : t(mode === 'login' ? 'button' : 'secondButton')}
      </Button>
    </div>
  );
}
