'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/actions/result';

/** useActionState plus helpers: the typed value of a field (kept after an error) and its German message. */
export function useForm<T = undefined>(
  action: (prev: FormState<T>, data: FormData) => Promise<FormState<T>>,
  initial: Record<string, string> = {},
) {
  const [state, formAction, pending] = useActionState<FormState<T>, FormData>(action, null);
  const values = state?.values ?? initial;
  const failed = state && !state.ok ? state : null;
  return {
    state,
    formAction,
    pending,
    failed,
    value: (name: string) => values[name] ?? initial[name] ?? '',
    error: (name: string) => failed?.fieldErrors?.[name],
    /** Changes whenever the server answered, so uncontrolled inputs pick up the echoed values. */
    version: JSON.stringify(state?.values ?? null),
  };
}
