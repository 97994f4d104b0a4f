'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { buttonClass } from '@/components/ui/button';
import type { FormState } from '@/lib/actions/result';
import { decideRowAction } from '@/lib/import/actions';

/** One button posting a job action (hidden fields), with an optional confirmation and the refusal next to it. */
export function JobButton({
  action,
  fields,
  label,
  confirm,
  variant = 'primary',
  size = 'md',
}: {
  action: (prev: FormState<void>, data: FormData) => Promise<FormState<void>>;
  fields: Record<string, string>;
  label: string;
  confirm?: string;
  variant?: 'primary' | 'secondary' | 'ghost' | 'danger';
  size?: 'sm' | 'md' | 'lg';
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
      className="inline-flex flex-col items-start gap-1"
    >
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" disabled={pending} className={buttonClass(variant, size)}>
        {label}
      </button>
      {state && !state.ok ? (
        <span role="alert" className="text-sm text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

/** An ambiguous match: one of the offered contacts, or a new one. */
export function DecideForm({
  jobId,
  rowId,
  decision,
  candidates,
}: {
  jobId: string;
  rowId: string;
  decision: string | null;
  candidates: { id: string; label: string }[];
}) {
  const t = useTranslations('import.review');
  const [state, formAction, pending] = useActionState(decideRowAction, null);
  return (
    <form action={formAction} className="mt-2 flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={jobId} />
      <input type="hidden" name="rowId" value={rowId} />
      <label htmlFor={`decide-${rowId}`} className="text-xs font-semibold text-amber-900">
        {t('decide')}
      </label>
      <select
        id={`decide-${rowId}`}
        name="decision"
        defaultValue={decision ?? ''}
        className="h-9 rounded-lg border border-gray-300 bg-white px-2 text-sm"
      >
        <option value="" disabled>
          {t('decide')}
        </option>
        <option value="new">{t('decideNew')}</option>
        {candidates.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending} className={buttonClass('secondary', 'sm')}>
        {t('decideSave')}
      </button>
      {state && !state.ok ? (
        <span role="alert" className="text-sm text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
