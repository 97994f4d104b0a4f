'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { renewRecoveryCodesAction, switchOffTotpAction } from '@/lib/auth/factors/actions';
import { RecoveryCodes, TotpSetupFlow } from './totp-setup';

function CodeForm({
  action,
  submit,
  variant,
  children,
}: {
  action: typeof renewRecoveryCodesAction | typeof switchOffTotpAction;
  submit: string;
  variant: 'secondary' | 'danger';
  children?: (data: unknown) => React.ReactNode;
}) {
  const t = useTranslations('account.factor');
  const f = useForm<unknown>(action as never);
  return (
    <form action={f.formAction} noValidate className="max-w-xs space-y-3" key={f.version}>
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      {f.state?.ok && children ? children(f.state.data) : null}
      <Field label={t('codeOrRecovery')} name="code" autoComplete="one-time-code" required error={f.error('code')} />
      <SubmitButton variant={variant} pendingLabel={t('working')}>
        {submit}
      </SubmitButton>
    </form>
  );
}

/** "Mein Zugang" → Zwei-Faktor-Anmeldung: status, setup, new recovery codes, switching off. */
export function TotpCard({
  on,
  recoveryLeft,
  canSwitchOff,
}: {
  on: boolean;
  recoveryLeft: number;
  canSwitchOff: boolean;
}) {
  const t = useTranslations('account.factor');
  const router = useRouter();
  return (
    <div className="space-y-4" data-testid="totp-card">
      <p className="text-sm text-gray-700">{t('intro')}</p>
      <p className="text-sm font-medium">{on ? t('statusOn') : t('statusOff')}</p>
      {!on ? <TotpSetupFlow onDone={() => router.refresh()} /> : null}
      {on ? (
        <>
          <p className="text-sm text-gray-700">{t('recoveryLeft', { count: recoveryLeft })}</p>
          <div className="grid gap-6 md:grid-cols-2">
            <div>
              <h3 className="font-semibold">{t('renewTitle')}</h3>
              <p className="mb-3 text-xs text-gray-500">{t('renewHint')}</p>
              <CodeForm action={renewRecoveryCodesAction} submit={t('renew')} variant="secondary">
                {(data) => <RecoveryCodes codes={(data as { recoveryCodes: string[] }).recoveryCodes} />}
              </CodeForm>
            </div>
            <div>
              <h3 className="font-semibold">{t('offTitle')}</h3>
              {canSwitchOff ? (
                <CodeForm action={switchOffTotpAction} submit={t('off')} variant="danger" />
              ) : (
                <p className="text-sm text-gray-700">{t('requiredHint')}</p>
              )}
            </div>
          </div>
        </>
      ) : null}
    </div>
  );
}
