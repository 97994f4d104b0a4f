'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SelectField, SubmitButton, TextareaField } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { UploadPicker, useUploader } from '@/components/documents/upload-picker';
import { createTicketAction, replyAction } from '@/lib/tickets/actions';
import { ticketLimits } from '@/lib/tickets/rules';

const newKey = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2, 12)}`;

function SendButton({ busy }: { busy: boolean }) {
  const t = useTranslations('tickets.form');
  return busy ? (
    <Button type="submit" size="lg" disabled>
      {t('uploading')}
    </Button>
  ) : (
    <SubmitButton size="lg" pendingLabel={t('sending')}>
      {t('send')}
    </SubmitButton>
  );
}

/**
 * NEUER EINTRAG → SENDEN (both sides). The idempotency key is fixed for one message, so a double tap
 * sends it once; after success the form is emptied and a new key is drawn.
 */
export function ReplyForm({ ticketId, contactId, hint }: { ticketId: string; contactId?: string; hint?: string }) {
  const t = useTranslations('tickets.form');
  const f = useForm(replyAction);
  const uploader = useUploader({ area: 'communication', contactId });
  const { reset } = uploader;
  const [key, setKey] = useState(newKey);
  const seen = useRef<unknown>(null);
  useEffect(() => {
    if (f.state && f.state !== seen.current && f.state.ok) {
      seen.current = f.state;
      reset();
      setKey(newKey());
    }
  }, [f.state, reset]);
  return (
    <form action={f.formAction} noValidate className="space-y-4" key={key}>
      <input type="hidden" name="ticketId" value={ticketId} />
      <input type="hidden" name="idempotencyKey" value={key} />
      <input type="hidden" name="uploads" value={uploader.ready.join(',')} />
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      <TextareaField
        label={t('newEntry')}
        name="message"
        required
        rows={5}
        defaultValue={f.state?.ok ? '' : f.value('message')}
        error={f.error('message')}
        maxLength={ticketLimits.message}
        placeholder={t('messagePlaceholder')}
      />
      <UploadPicker uploader={uploader} label={t('documents')} error={f.error('uploads')} compact />
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-gray-100 pt-4">
        <p className="text-xs text-gray-500">{hint}</p>
        <SendButton busy={uploader.busy} />
      </div>
    </form>
  );
}

/** KOMMUNIKATION → NEUE NACHRICHT (client): Ansprechpartner (BETREUER preselected), BETREFF*, NACHRICHT*, optional contract and documents. */
export function NewTicketForm({
  employees,
  defaultAssignee,
  contracts,
  prefill,
}: {
  employees: { id: string; name: string }[];
  defaultAssignee?: string;
  contracts: { id: string; label: string }[];
  /** Subject, text and contract from a deadline reminder's link. */
  prefill?: { subject: string; message: string; contractId: string } | null;
}) {
  const t = useTranslations('tickets.form');
  const f = useForm(createTicketAction, { assigneeId: defaultAssignee ?? '', ...(prefill ?? {}) });
  const uploader = useUploader({ area: 'communication' });
  const [key] = useState(newKey);
  return (
    <form action={f.formAction} noValidate className="space-y-4">
      <input type="hidden" name="idempotencyKey" value={key} />
      <input type="hidden" name="uploads" value={uploader.ready.join(',')} />
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      <SelectField
        label={t('to')}
        name="assigneeId"
        required
        defaultValue={f.value('assigneeId')}
        placeholder={t('choose')}
        options={employees.map((e) => ({ value: e.id, label: e.name }))}
        error={f.error('assigneeId')}
      />
      <Field
        label={t('subject')}
        name="subject"
        required
        defaultValue={f.value('subject')}
        error={f.error('subject')}
        maxLength={ticketLimits.subject}
        placeholder={t('subjectPlaceholder')}
      />
      {contracts.length ? (
        <SelectField
          label={t('contract')}
          name="contractId"
          defaultValue={f.value('contractId')}
          placeholder={t('noContract')}
          options={contracts.map((c) => ({ value: c.id, label: c.label }))}
          error={f.error('contractId')}
        />
      ) : null}
      <TextareaField
        label={t('message')}
        name="message"
        required
        rows={7}
        defaultValue={f.value('message')}
        error={f.error('message')}
        maxLength={ticketLimits.message}
      />
      <UploadPicker uploader={uploader} label={t('documents')} error={f.error('uploads')} />
      <div className="flex justify-end border-t border-gray-100 pt-4">
        <SendButton busy={uploader.busy} />
      </div>
    </form>
  );
}
