'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SubmitButton, TextareaField } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { requestScreenshotUploadAction, submitSupportAction } from '@/lib/support/actions';

/** "Anliegen mitteilen" to the platform operator, with up to three screenshots (straight to S3). */
export function SupportForm() {
  const f = useForm(submitSupportAction);
  const t = useTranslations('help.support');
  const tc = useTranslations('common');
  const [shots, setShots] = useState<{ key: string; name: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);

  const add = async (files: FileList) => {
    setUploadError(null);
    setBusy(true);
    try {
      for (const file of Array.from(files).slice(0, 3 - shots.length)) {
        const presign = await requestScreenshotUploadAction({
          filename: file.name,
          contentType: file.type,
          size: file.size,
        });
        if (!presign.ok) {
          setUploadError(presign.fieldErrors?.screenshots ?? presign.message ?? t('uploadFailed'));
          continue;
        }
        const form = new FormData();
        for (const [k, v] of Object.entries(presign.data.fields)) form.append(k, v);
        form.append('file', file);
        const res = await fetch(presign.data.url, { method: 'POST', body: form });
        if (res.ok) setShots((s) => [...s, { key: presign.data.id, name: file.name }]);
        else setUploadError(t('rejected'));
      }
    } catch {
      setUploadError(t('uploadError'));
    } finally {
      setBusy(false);
    }
  };

  if (f.state?.ok) return <Alert tone="success">{t('sent')}</Alert>;
  return (
    <form action={f.formAction} noValidate className="space-y-4">
      <input type="hidden" name="screenshots" value={shots.map((s) => s.key).join(',')} />
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      <Field
        label={t('subject')}
        name="subject"
        required
        maxLength={200}
        defaultValue={f.value('subject')}
        error={f.error('subject')}
      />
      <TextareaField
        label={t('message')}
        name="message"
        required
        rows={5}
        maxLength={5000}
        defaultValue={f.value('message')}
        error={f.error('message')}
      />
      <div className="space-y-2">
        <label className="inline-flex h-10 cursor-pointer items-center rounded-lg px-3 text-sm font-semibold text-primary ring-1 ring-inset ring-primary/30 hover:bg-primary-soft has-[:disabled]:opacity-50">
          {busy ? tc('uploading') : t('add')}
          <input
            type="file"
            accept="image/png,image/jpeg,image/webp"
            multiple
            className="sr-only"
            aria-label={t('addLabel')}
            disabled={busy || shots.length >= 3}
            onChange={(e) => e.target.files && void add(e.target.files)}
          />
        </label>
        {shots.length ? (
          <ul className="text-sm text-gray-700">
            {shots.map((s) => (
              <li key={s.key}>{t('attached', { name: s.name })}</li>
            ))}
          </ul>
        ) : (
          <p className="text-xs text-gray-500">{t('tip')}</p>
        )}
        {uploadError || f.error('screenshots') ? (
          <p role="alert" className="text-sm font-medium text-red-700">
            {uploadError ?? f.error('screenshots')}
          </p>
        ) : null}
      </div>
      <SubmitButton pendingLabel={tc('sending')}>{t('submit')}</SubmitButton>
    </form>
  );
}
