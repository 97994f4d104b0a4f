'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SelectField, SubmitButton, TextareaField } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { createFollowUpAction } from '@/lib/follow-ups/actions';
import { followUpLimits } from '@/lib/follow-ups/limits';

/** WIEDERVORLAGE ANLEGEN: Fällig am, Zuständig (employees who may see the contact), Notiz. */
export function FollowUpForm({
  contactId,
  contractId,
  assignees,
  me,
}: {
  contactId: string;
  contractId?: string;
  assignees: { id: string; name: string }[];
  me: string;
}) {
  const t = useTranslations('followUps.form');
  const f = useForm(createFollowUpAction, { assigneeId: assignees.some((a) => a.id === me) ? me : '' });
  return (
    <form action={f.formAction} noValidate className="space-y-4" key={f.state?.ok ? 'sent' : f.version}>
      <input type="hidden" name="contactId" value={contactId} />
      <input type="hidden" name="contractId" value={contractId ?? ''} />
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      {f.state?.ok ? <Alert tone="success">{t('created')}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t('dueOn')}
          id="follow-up-due"
          name="dueOn"
          type="date"
          required
          defaultValue={f.value('dueOn')}
          error={f.error('dueOn')}
        />
        <SelectField
          label={t('assignee')}
          id="follow-up-assignee"
          name="assigneeId"
          required
          placeholder={t('choose')}
          defaultValue={f.value('assigneeId')}
          options={assignees.map((a) => ({ value: a.id, label: a.name }))}
          error={f.error('assigneeId')}
        />
      </div>
      <TextareaField
        label={t('note')}
        id="follow-up-note"
        name="note"
        required
        rows={3}
        maxLength={followUpLimits.note}
        defaultValue={f.value('note')}
        error={f.error('note')}
      />
      <SubmitButton pendingLabel={t('saving')}>{t('submit')}</SubmitButton>
    </form>
  );
}
