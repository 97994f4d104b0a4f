'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/form-controls';
import type { FormState } from '@/lib/actions/result';
import {
  finalizeBrandingUploadAction,
  removeBrandingAction,
  requestBrandingUploadAction,
} from '@/lib/settings/branding-actions';

const accept = { logo: 'image/png,image/jpeg,image/webp', favicon: 'image/png,image/x-icon,.ico' } as const;

/** LOGO / FAVICON: straight to S3 with a presigned POST, then checked and re-encoded on the server. */
export function BrandingUpload({
  kind,
  label,
  hint,
  currentUrl,
}: {
  kind: 'logo' | 'favicon';
  label: string;
  hint: string;
  currentUrl: string | null;
}) {
  const router = useRouter();
  const t = useTranslations('uploads.branding');
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [removeState, remove] = useActionState<FormState, FormData>(removeBrandingAction, null);

  const upload = async (file: File) => {
    setBusy(true);
    setMessage(null);
    try {
      const type =
        file.type || (file.name.toLowerCase().endsWith('.ico') ? 'image/x-icon' : 'application/octet-stream');
      const presign = await requestBrandingUploadAction({
        kind,
        filename: file.name,
        contentType: type,
        size: file.size,
      });
      if (!presign.ok)
        return setMessage({ tone: 'error', text: presign.fieldErrors?.file ?? presign.message ?? t('failed') });
      const form = new FormData();
      for (const [k, v] of Object.entries(presign.data.fields)) form.append(k, v);
      form.append('file', file);
      const res = await fetch(presign.data.url, { method: 'POST', body: form });
      if (!res.ok) return setMessage({ tone: 'error', text: t('rejected') });
      const done = await finalizeBrandingUploadAction({ kind, uploadId: presign.data.id });
      if (!done.ok) return setMessage({ tone: 'error', text: done.fieldErrors?.file ?? done.message ?? t('failed') });
      setMessage({ tone: 'success', text: t('saved', { label }) });
      router.refresh();
    } catch {
      setMessage({ tone: 'error', text: t('connection') });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-4">
        <div className="flex h-20 min-w-20 items-center justify-center rounded-xl bg-gray-50 p-2 ring-1 ring-gray-200">
          {currentUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- a tenant file served by our own route
            <img
              src={currentUrl}
              alt={t('current', { label })}
              className={kind === 'logo' ? 'max-h-16 max-w-48 object-contain' : 'h-12 w-12'}
            />
          ) : (
            <span className="text-xs text-gray-500">{t('none', { label })}</span>
          )}
        </div>
        <label className="inline-flex h-11 cursor-pointer items-center rounded-lg bg-primary px-4 text-sm font-semibold text-on-primary has-[:disabled]:opacity-60">
          {busy ? t('uploading') : t('upload', { label })}
          <input
            ref={input}
            type="file"
            accept={accept[kind]}
            className="sr-only"
            disabled={busy}
            aria-label={t('upload', { label })}
            onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])}
          />
        </label>
        {currentUrl ? (
          <form action={remove}>
            <input type="hidden" name="kind" value={kind} />
            <SubmitButton variant="secondary">{t('remove')}</SubmitButton>
          </form>
        ) : null}
      </div>
      <p className="text-xs text-gray-500">{hint}</p>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {removeState && !removeState.ok ? <Alert tone="error">{removeState.message ?? t('failed')}</Alert> : null}
    </div>
  );
}
