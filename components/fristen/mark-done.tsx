'use client';

import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { markDeadlineDoneAction, reopenDeadlineAction } from '@/lib/fristen/actions';

/** "erledigt" with a note, or "wieder öffnen" for a marked one (employees with write in VERSICHERUNGEN). */
export function MarkDone({ contractId, deadlineId, done }: { contractId: string; deadlineId: string; done: boolean }) {
  const t = useTranslations('fristen');
  const mark = useForm(markDeadlineDoneAction);
  const reopen = useForm(reopenDeadlineAction);
  const failed = mark.failed ?? reopen.failed;
  if (done)
    return (
      <form action={reopen.formAction}>
        <input type="hidden" name="contractId" value={contractId} />
        <input type="hidden" name="deadlineId" value={deadlineId} />
        <SubmitButton variant="secondary" size="sm" pendingLabel={t('saving')}>
          {t('reopen')}
        </SubmitButton>
        {failed?.message ? <p className="text-xs text-red-700">{failed.message}</p> : null}
      </form>
    );
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-primary">{t('markDone')}</summary>
      <form action={mark.formAction} className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-end">
        <input type="hidden" name="contractId" value={contractId} />
        <input type="hidden" name="deadlineId" value={deadlineId} />
        <label className="flex flex-1 flex-col gap-1 text-xs font-medium text-ink">
          {t('note')}
          <input
            name="note"
            maxLength={500}
            aria-invalid={mark.error('note') ? true : undefined}
            className="h-10 rounded-lg border border-gray-300 px-3 text-sm"
          />
        </label>
        <SubmitButton size="sm" pendingLabel={t('saving')}>
          {t('save')}
        </SubmitButton>
      </form>
      {mark.error('note') ? <p className="mt-1 text-xs text-red-700">{mark.error('note')}</p> : null}
      {failed?.message ? <p className="mt-1 text-xs text-red-700">{failed.message}</p> : null}
    </details>
  );
}
