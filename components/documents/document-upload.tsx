'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SelectField, SubmitButton, TextareaField } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import type { FormState } from '@/lib/actions/result';
import { documentTypeKey, documentTypes } from '@/lib/documents/rules';
import { UploadPicker, useUploader, type UploadTarget } from './upload-picker';

/**
 * DOKUMENT HINZUFÜGEN: title, type, date, note and one or more files (see useUploader: straight to S3,
 * checked by the server by their bytes before SPEICHERN).
 */
export function DocumentUpload<T>({
  action,
  target,
  defaultType = 'Sonstiges',
  defaultTitle = '',
  onDone,
}: {
  action: (prev: FormState<T>, data: FormData) => Promise<FormState<T>>;
  target: UploadTarget;
  defaultType?: string;
  defaultTitle?: string;
  onDone?: () => void;
}) {
  const f = useForm(action, { type: defaultType, title: defaultTitle });
  const t = useTranslations('documents.form');
  const tk = useTranslations();
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
      {f.state?.ok ? <Alert tone="success">{tk('documents.add.saved')}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t('title')}
          name="title"
          required
          defaultValue={f.state?.ok ? defaultTitle : f.value('title')}
          error={f.error('title')}
          maxLength={200}
          placeholder={t('titlePlaceholder')}
        />
        <SelectField
          label={t('type')}
          name="type"
          defaultValue={f.state?.ok ? defaultType : f.value('type')}
          options={documentTypes.map((v) => ({ value: v, label: tk(documentTypeKey(v)!) }))}
          error={f.error('type')}
        />
        <Field
          label={t('date')}
          name="documentDate"
          type="date"
          defaultValue={f.state?.ok ? '' : f.value('documentDate')}
          error={f.error('documentDate')}
        />
        <TextareaField
          label={t('note')}
          name="note"
          rows={2}
          defaultValue={f.state?.ok ? '' : f.value('note')}
          error={f.error('note')}
          maxLength={2000}
        />
      </div>
      <UploadPicker uploader={uploader} required error={f.error('uploads')} />
      <div className="flex justify-end border-t border-gray-100 pt-4">
        {uploader.busy || uploader.ready.length === 0 ? (
          <Button type="submit" size="lg" disabled>
            {uploader.busy ? t('uploading') : t('save')}
          </Button>
        ) : (
          <SubmitButton size="lg" pendingLabel={t('saving')}>
            {t('save')}
          </SubmitButton>
        )}
      </div>
    </form>
  );
}
