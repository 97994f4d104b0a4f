'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/form-controls';
import type { FormState } from '@/lib/actions/result';
import { acceptLeadAction } from '@/lib/leads/actions';

export function AcceptLeadButton({ id }: { id: string }) {
  const [state, action] = useActionState<FormState, FormData>(acceptLeadAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <SubmitButton>ALS KUNDEN ÜBERNEHMEN</SubmitButton>
      {state && !state.ok ? <Alert tone="error">{state.message ?? 'Das hat leider nicht geklappt.'}</Alert> : null}
    </form>
  );
}
