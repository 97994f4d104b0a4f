'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/form-controls';
import type { FormState } from '@/lib/actions/result';
import { lockEmployeeAction, resendInvitationAction } from '@/lib/users/actions';

/** Sperren / Entsperren and "Einladung erneut senden" for one employee. */
export function EmployeeStatusActions({ id, status, isSelf }: { id: string; status: string; isSelf: boolean }) {
  const t = useTranslations('users.statusActions');
  const [lockState, lock] = useActionState(lockEmployeeAction, null);
  const [resendState, resend] = useActionState(resendInvitationAction, null);
  const message = (s: FormState<void>) =>
    s && !s.ok ? (s.message ?? Object.values(s.fieldErrors ?? {})[0]) : undefined;
  return (
    <div className="space-y-3">
      {message(lockState) ? <Alert tone="error">{message(lockState)}</Alert> : null}
      {message(resendState) ? <Alert tone="error">{message(resendState)}</Alert> : null}
      {resendState?.ok ? <Alert tone="success">{t('resent')}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        {status === 'invited' ? (
          <form action={resend}>
            <input type="hidden" name="id" value={id} />
            <SubmitButton variant="secondary">{t('resend')}</SubmitButton>
          </form>
        ) : null}
        {!isSelf ? (
          <form action={lock}>
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="locked" value={status === 'locked' ? 'false' : 'true'} />
            <SubmitButton variant={status === 'locked' ? 'secondary' : 'danger'}>
              {status === 'locked' ? t('unlock') : t('lock')}
            </SubmitButton>
          </form>
        ) : null}
      </div>
    </div>
  );
}
