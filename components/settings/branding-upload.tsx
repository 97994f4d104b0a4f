'use client';

import { useActionState, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/form-controls';
import type { FormState } from '@/lib/actions/result';
import { finalizeBrandingUploadAction, removeBrandingAction, requestBrandingUploadAction } from '@/lib/settings/branding-actions';

const accept = { logo: 'image/png,image/jpeg,image/webp', favicon: 'image/png,image/x-icon,.ico' } as const;

/** LOGO / FAVICON: straight to S3 with a presigned POST, then checked and re-encoded on the server. */
export function BrandingUpload({ kind, label, hint, currentUrl }: { kind: 'logo' | 'favicon'; label: string; hint: string; currentUrl: string | null }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [removeState, remove] = useActionState<FormState, FormData>(removeBrandingAction, null);

  const upload = async (file: File) => {
    setBusy(true);
    setMessage(null);
    try {
      const type = file.type || (file.name.toLowerCase().endsWith('.ico') ? 'image/x-icon' : 'application/octet-stream');
      const presign = await requestBrandingUploadAction({ kind, contentType: type, size: file.size });
      if (!presign.ok) return setMessage({ tone: 'error', text: presign.fieldErrors?.file ?? presign.message ?? 'Das hat leider nicht geklappt.' });
      const form = new FormData();
      for (const [k, v] of Object.entries(presign.data.fields)) form.append(k, v);
      form.append('file', file);
      const res = await fetch(presign.data.url, { method: 'POST', body: form });
      if (!res.ok) return setMessage({ tone: 'error', text: 'Der Upload wurde abgelehnt (höchstens 2 MB).' });
      const done = await finalizeBrandingUploadAction({ kind, key: presign.data.key });
      if (!done.ok) return setMessage({ tone: 'error', text: done.fieldErrors?.file ?? done.message ?? 'Das hat leider nicht geklappt.' });
      setMessage({ tone: 'success', text: `${label} gespeichert. Es erscheint ab dem nächsten Seitenaufruf überall.` });
      router.refresh();
    } catch {
      setMessage({ tone: 'error', text: 'Der Upload ist fehlgeschlagen. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.' });
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
            <img src={currentUrl} alt={`Aktuelles ${label}`} className={kind === 'logo' ? 'max-h-16 max-w-48 object-contain' : 'h-12 w-12'} />
          ) : (
            <span className="text-xs text-gray-500">kein {label}</span>
          )}
        </div>
        <label className="inline-flex h-11 cursor-pointer items-center rounded-lg bg-primary px-4 text-sm font-semibold text-on-primary has-[:disabled]:opacity-60">
          {busy ? 'Wird hochgeladen …' : `${label} hochladen`}
          <input ref={input} type="file" accept={accept[kind]} className="sr-only" disabled={busy} aria-label={`${label} hochladen`} onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} />
        </label>
        {currentUrl ? (
          <form action={remove}>
            <input type="hidden" name="kind" value={kind} />
            <SubmitButton variant="secondary">Entfernen</SubmitButton>
          </form>
        ) : null}
      </div>
      <p className="text-xs text-gray-500">{hint}</p>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {removeState && !removeState.ok ? <Alert tone="error">{removeState.message ?? 'Das hat leider nicht geklappt.'}</Alert> : null}
    </div>
  );
}
