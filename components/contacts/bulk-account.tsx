'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { bulkAccountAction } from '@/lib/contacts/actions';

/**
 * KONTAKTÜBERSICHT bulk action: the rows' checkboxes (form="bulk-account") or "alle gefilterten", then a
 * confirmation naming the count. Only contacts with e-mail and birth date get an account.
 */
export function BulkAccountBar({ q, filter, shown }: { q: string; filter: string; shown: number }) {
  const t = useTranslations('contacts.bulk');
  const [state, action, pending] = useActionState(bulkAccountAction, null);
  return (
    <form
      id="bulk-account"
      action={action}
      onSubmit={(e) => {
        const form = e.currentTarget;
        const all = (form.elements.namedItem('all') as HTMLInputElement | null)?.checked;
        const count = all ? null : document.querySelectorAll('input[form="bulk-account"][name="ids"]:checked').length;
        const text = count === null ? t('confirmAll') : t('confirm', { count });
        if (count === 0 || !window.confirm(text)) e.preventDefault();
      }}
      className="mb-3 flex flex-wrap items-center gap-3 rounded-lg border border-gray-200 bg-white px-4 py-2.5 text-sm shadow-sm"
    >
      <input type="hidden" name="q" value={q} />
      <input type="hidden" name="filter" value={filter} />
      <label className="inline-flex items-center gap-2">
        <input type="checkbox" name="all" value="true" className="h-4 w-4" />
        {t('allFiltered', { shown })}
      </label>
      <button type="submit" disabled={pending} className={buttonClass('secondary', 'sm')}>
        {t('submit')}
      </button>
      {state?.ok ? (
        <span role="status" className="text-emerald-800">
          {t('done', { created: state.data.created, skipped: state.data.skipped })}
        </span>
      ) : state && !state.ok ? (
        <span role="alert" className="text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
