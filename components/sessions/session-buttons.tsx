'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/form-controls';
import type { FormState } from '@/lib/actions/result';
import { endAllSessionsAction, endOtherSessionsAction, endSessionAction } from '@/lib/sessions/actions';

const failed = (s: FormState<unknown>) => (s && !s.ok ? (s.message ?? Object.values(s.fieldErrors ?? {})[0]) : null);

/** "Abmelden" at one session of one's own account. */
export function EndSessionButton({ handle }: { handle: string }) {
  const t = useTranslations('devices');
  const [state, action] = useActionState(endSessionAction, null);
  return (
    <form action={action} className="shrink-0">
      <input type="hidden" name="session" value={handle} />
      {failed(state) ? <Alert tone="error">{failed(state)}</Alert> : null}
      <SubmitButton variant="secondary" size="sm">
        {t('endOne')}
      </SubmitButton>
    </form>
  );
}

/** "Alle anderen abmelden". */
export function EndOtherSessionsButton() {
  const t = useTranslations('devices');
  const [state, action] = useActionState(endOtherSessionsAction, null);
  return (
    <form action={action}>
      {failed(state) ? <Alert tone="error">{failed(state)}</Alert> : null}
      {state?.ok ? <Alert tone="success">{t('othersEnded', { count: state.data.ended })}</Alert> : null}
      <SubmitButton variant="danger">{t('endOthers')}</SubmitButton>
    </form>
  );
}

/** An admin ends every session of an employee or a client. */
export function EndAllSessionsButton({ userId }: { userId: string }) {
  const t = useTranslations('devices');
  const [state, action] = useActionState(endAllSessionsAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="userId" value={userId} />
      {failed(state) ? <Alert tone="error">{failed(state)}</Alert> : null}
      {state?.ok ? <Alert tone="success">{t('allEnded', { count: state.data.ended })}</Alert> : null}
      <SubmitButton variant="secondary">{t('endAll')}</SubmitButton>
    </form>
  );
}
