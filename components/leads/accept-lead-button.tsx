'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/form-controls';
import { acceptLeadAction } from '@/lib/leads/actions';

/** ALS KUNDEN ÜBERNEHMEN on the contact page of an Interessent. */
export function AcceptLeadButton({ id }: { id: string }) {
  const [state, action] = useActionState(acceptLeadAction, null);
  const t = useTranslations('leads.accept');
  const tc = useTranslations('common');
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="contactId" value={id} />
      <SubmitButton>{t('button')}</SubmitButton>
      {state && !state.ok ? <Alert tone="error">{state.message ?? tc('failed')}</Alert> : null}
    </form>
  );
}
