'use client';

import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SelectField, SubmitButton, TextareaField } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import type { FormState } from '@/lib/actions/result';
import { documentTypes } from '@/lib/contracts/areas';
import { UploadPicker, useUploader, type UploadTarget } from './upload-picker';

/**
 * DOKUMENT HINZUFÜGEN: title, type, date, note and one or more files (see useUploader: straight to S3,
 * checked by the server by their bytes before SPEICHERN).
 */
export function DocumentUpload({
  action,
  target,
  defaultType = 'Sonstiges',
  defaultTitle = '',
  onDone,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  target: UploadTarget;
  defaultType?: string;
  defaultTitle?: string;
  onDone?: () => void;
}) {
  const f = useForm(action, { type: defaultType, title: defaultTitle });
  const uploader = useUploader(target);
  const { reset } = uploader;
  const seen = useRef<unknown>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (f.state && f.state !== seen.current && f.state.ok) {
      seen.current = f.state;
      reset();
      setRound((r) => r + 1);
      onDone?.();
    }
  }, [f.state, onDone, reset]);

  return (
    <form action={f.formAction} noValidate className="space-y-4" key={round}>
      {target.contactId ? <input type="hidden" name="contactId" value={target.contactId} /> : null}
      <input type="hidden" name="area" value={target.area} />
      {target.contractId ? <input type="hidden" name="contractId" value={target.contractId} /> : null}
      <input type="hidden" name="uploads" value={uploader.ready.join(',')} />
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      {f.state?.ok ? <Alert tone="success">Das Dokument ist gespeichert.</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="TITEL" name="title" required defaultValue={f.state?.ok ? defaultTitle : f.value('title')} error={f.error('title')} maxLength={200} placeholder="z. B. Police 2026" />
        <SelectField label="ART" name="type" defaultValue={f.state?.ok ? defaultType : f.value('type')} options={documentTypes.map((t) => ({ value: t, label: t }))} error={f.error('type')} />
        <Field label="DATUM" name="documentDate" type="date" defaultValue={f.state?.ok ? '' : f.value('documentDate')} error={f.error('documentDate')} />
        <TextareaField label="NOTIZ" name="note" rows={2} defaultValue={f.state?.ok ? '' : f.value('note')} error={f.error('note')} maxLength={2000} />
      </div>
      <UploadPicker uploader={uploader} required error={f.error('uploads')} />
      <div className="flex justify-end border-t border-gray-100 pt-4">
        {uploader.busy || uploader.ready.length === 0 ? (
          <Button type="submit" size="lg" disabled>
            {uploader.busy ? 'Dateien werden hochgeladen …' : 'SPEICHERN'}
          </Button>
        ) : (
          <SubmitButton size="lg" pendingLabel="Wird gespeichert …">
            SPEICHERN
          </SubmitButton>
        )}
      </div>
    </form>
  );
}
