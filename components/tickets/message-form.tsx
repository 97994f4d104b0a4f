'use client';

import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SelectField, SubmitButton, TextareaField } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { UploadPicker, useUploader } from '@/components/documents/upload-picker';
import type { FormState } from '@/lib/actions/result';

const newKey = () => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2, 12)}`);

function SendButton({ busy }: { busy: boolean }) {
  return busy ? (
    <Button type="submit" size="lg" disabled>
      Dateien werden hochgeladen …
    </Button>
  ) : (
    <SubmitButton size="lg" pendingLabel="Wird gesendet …">
      SENDEN
    </SubmitButton>
  );
}

/**
 * NEUER EINTRAG → SENDEN (both sides). The idempotency key is fixed for one message, so a double tap
 * sends it once; after success the form is emptied and a new key is drawn.
 */
export function ReplyForm({ action, ticketId, contactId, hint }: { action: (prev: FormState, data: FormData) => Promise<FormState>; ticketId: string; contactId?: string; hint?: string }) {
  const f = useForm(action);
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
      <TextareaField label="NEUER EINTRAG" name="message" required rows={5} defaultValue={f.state?.ok ? '' : f.value('message')} error={f.error('message')} maxLength={10_000} placeholder="Ihre Nachricht …" />
      <UploadPicker uploader={uploader} label="DOKUMENTE (optional)" error={f.error('uploads')} compact />
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-gray-100 pt-4">
        <p className="text-xs text-gray-500">{hint}</p>
        <SendButton busy={uploader.busy} />
      </div>
    </form>
  );
}

/** KOMMUNIKATION → NEUE NACHRICHT (client): Ansprechpartner (BETREUER preselected), BETREFF*, NACHRICHT*, optional contract and documents. */
export function NewTicketForm({
  action,
  employees,
  defaultAssignee,
  contracts,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  employees: { id: string; name: string }[];
  defaultAssignee?: string;
  contracts: { id: string; label: string }[];
}) {
  const f = useForm(action, { assigneeId: defaultAssignee ?? '' });
  const uploader = useUploader({ area: 'communication' });
  const [key] = useState(newKey);
  return (
    <form action={f.formAction} noValidate className="space-y-4">
      <input type="hidden" name="idempotencyKey" value={key} />
      <input type="hidden" name="uploads" value={uploader.ready.join(',')} />
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      <SelectField label="AN" name="assigneeId" required defaultValue={f.value('assigneeId')} placeholder="– bitte wählen –" options={employees.map((e) => ({ value: e.id, label: e.name }))} error={f.error('assigneeId')} />
      <Field label="BETREFF" name="subject" required defaultValue={f.value('subject')} error={f.error('subject')} maxLength={200} placeholder="z. B. Frage zu meiner Hausratversicherung" />
      {contracts.length ? (
        <SelectField label="ZU VERTRAG (optional)" name="contractId" defaultValue={f.value('contractId')} placeholder="– kein bestimmter Vertrag –" options={contracts.map((c) => ({ value: c.id, label: c.label }))} error={f.error('contractId')} />
      ) : null}
      <TextareaField label="NACHRICHT" name="message" required rows={7} defaultValue={f.value('message')} error={f.error('message')} maxLength={10_000} />
      <UploadPicker uploader={uploader} label="DOKUMENTE (optional)" error={f.error('uploads')} />
      <div className="flex justify-end border-t border-gray-100 pt-4">
        <SendButton busy={uploader.busy} />
      </div>
    </form>
  );
}
