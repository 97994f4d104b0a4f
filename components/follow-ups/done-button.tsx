'use client';

import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { followUpDoneAction } from '@/lib/follow-ups/actions';

/** ERLEDIGT / WIEDER ÖFFNEN on one follow-up. */
export function FollowUpDoneButton({ id, done }: { id: string; done: boolean }) {
  const t = useTranslations('followUps.page');
  const f = useForm(followUpDoneAction);
  return (
    <form action={f.formAction}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="done" value={done ? '0' : '1'} />
      <SubmitButton variant="secondary" size="sm" pendingLabel="…">
        {done ? t('reopen') : t('markDone')}
      </SubmitButton>
      {f.failed?.message ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {f.failed.message}
        </p>
      ) : null}
    </form>
  );
}
