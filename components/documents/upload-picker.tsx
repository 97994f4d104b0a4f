'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { prepareImage } from '@/lib/documents/scale';
import { presignDocumentUploadAction } from '@/lib/documents/actions';
import { documentUpload, formatSize, uploadMessageKeys } from '@/lib/documents/rules';
import { isLocale } from '@/lib/i18n';
import { checkUploadAction, discardUploadAction } from '@/lib/uploads/actions';

type Status = 'preparing' | 'uploading' | 'checking' | 'ready' | 'error';
export interface UploadItem {
  key: string;
  name: string;
  size: number;
  type: string;
  preview: string | null;
  status: Status;
  progress: number;
  message?: string;
  uploadId?: string;
}

const extensionTypes: Record<string, string> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', heic: 'image/heic', heif: 'image/heif' };

/** The declared type: the browser's, or by the ending (phones often report HEIC as empty). */
function typeOf(file: File): string {
  if (documentUpload.types.includes(file.type)) return file.type;
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return extensionTypes[ext] ?? file.type;
}

/** POST to the presigned S3 form with progress (fetch has no upload progress). */
function postToStorage(url: string, fields: Record<string, string>, file: File, onProgress: (p: number) => void): Promise<boolean> {
  return new Promise((resolve) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => resolve(xhr.status >= 200 && xhr.status < 300);
    xhr.onerror = () => resolve(false);
    xhr.send(form);
  });
}

export type UploadTarget = { contactId?: string; area: 'insurance' | 'finance' | 'other' | 'emergency' | 'profile' | 'communication'; contractId?: string | null };

/**
 * The browser side of an upload, shared by DOKUMENT HINZUFÜGEN and KOMMUNIKATION: photos scaled
 * (≤ 2,560 px, JPEG, metadata removed), a presigned POST straight to S3 with progress, then the server's
 * byte check. `ready` holds the ids the form sends; nothing of the file passes through a server action.
 */
export function useUploader(target: UploadTarget) {
  const tk = useTranslations();
  const t = useTranslations('uploads.picker');
  const [items, setItems] = useState<UploadItem[]>([]);
  const update = (key: string, patch: Partial<UploadItem>) => setItems((list) => list.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  async function handle(original: File) {
    const key = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const declared = typeOf(original);
    const isImage = declared.startsWith('image/') && declared !== 'image/heic' && declared !== 'image/heif';
    setItems((list) => [...list, { key, name: original.name, size: original.size, type: declared, preview: isImage ? URL.createObjectURL(original) : null, status: 'preparing', progress: 0 }]);
    if (!documentUpload.types.includes(declared)) return update(key, { status: 'error', message: tk(uploadMessageKeys.type) });
    if (original.size === 0) return update(key, { status: 'error', message: tk(uploadMessageKeys.empty) });
    const file = isImage ? await prepareImage(original) : original;
    if (file.size > documentUpload.maxBytes) return update(key, { status: 'error', message: tk(uploadMessageKeys.size) });
    update(key, { name: file.name, size: file.size, type: typeOf(file), status: 'uploading' });
    try {
      const start = await presignDocumentUploadAction({ ...target, contractId: target.contractId ?? null, filename: file.name, contentType: typeOf(file), size: file.size });
      if (!start.ok) return update(key, { status: 'error', message: start.fieldErrors?.file ?? start.message ?? t('unavailable') });
      const uploaded = await postToStorage(start.data.url, start.data.fields, file, (progress) => update(key, { progress }));
      if (!uploaded) return update(key, { status: 'error', message: t('aborted') });
      update(key, { status: 'checking', progress: 100 });
      const checked = await checkUploadAction({ id: start.data.id, purpose: target.area === 'communication' ? 'tickets' : 'documents' });
      if (!checked.ok) return update(key, { status: 'error', message: checked.message ?? tk(uploadMessageKeys.type) });
      update(key, checked.data.ok ? { status: 'ready', uploadId: start.data.id } : { status: 'error', message: checked.data.message });
    } catch {
      update(key, { status: 'error', message: t('offline') });
    }
  }

  const pick = (list: FileList | null) => {
    if (!list) return;
    for (const file of Array.from(list)) void handle(file);
  };
  const remove = (item: UploadItem) => {
    if (item.preview) URL.revokeObjectURL(item.preview);
    setItems((list) => list.filter((i) => i.key !== item.key));
    if (item.uploadId) void discardUploadAction({ id: item.uploadId });
  };
  const reset = useCallback(
    () =>
      setItems((list) => {
        list.forEach((i) => i.preview && URL.revokeObjectURL(i.preview));
        return [];
      }),
    [],
  );
  const busy = items.some((i) => i.status === 'preparing' || i.status === 'uploading' || i.status === 'checking');
  const ready = items.filter((i) => i.status === 'ready' && i.uploadId).map((i) => i.uploadId!);
  return { items, pick, remove, reset, busy, ready };
}

/** "Foto aufnehmen" (phones: the camera) and "Datei auswählen", with a preview and status per file. */
export function UploadPicker({ uploader, label, required, error, compact }: { uploader: ReturnType<typeof useUploader>; label?: string; required?: boolean; error?: string; compact?: boolean }) {
  const t = useTranslations('uploads.picker');
  const locale = useLocale();
  const cameraRef = useRef<HTMLInputElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const { items, pick, remove } = uploader;
  return (
    <div>
      <p className="text-sm font-medium text-ink">
        {label ?? t('files')}
        {required ? <span className="ml-0.5 text-red-700" aria-hidden="true">*</span> : null}
      </p>
      <div className="mt-2 grid gap-2 sm:flex sm:flex-wrap">
        <Button type="button" variant="secondary" size={compact ? 'md' : 'lg'} onClick={() => cameraRef.current?.click()} className="w-full sm:w-auto md:hidden">
          <CameraIcon /> {t('camera')}
        </Button>
        <Button type="button" variant="secondary" size={compact ? 'md' : 'lg'} onClick={() => fileRef.current?.click()} className="w-full sm:w-auto">
          <FileIcon /> {t('choose')}
        </Button>
      </div>
      <input ref={cameraRef} type="file" accept="image/*" capture="environment" multiple className="sr-only" aria-label={t('camera')} data-testid="camera-input" tabIndex={-1} onChange={(e) => { pick(e.target.files); e.target.value = ''; }} />
      <input ref={fileRef} type="file" accept={documentUpload.accept} multiple className="sr-only" aria-label={t('choose')} data-testid="file-input" tabIndex={-1} onChange={(e) => { pick(e.target.files); e.target.value = ''; }} />
      <p className="mt-2 text-xs text-gray-500">{t('hint')}</p>
      {error ? (
        <p role="alert" className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      {items.length ? (
        <ul className="mt-3 grid gap-2 sm:grid-cols-2" aria-label={t('chosen')}>
          {items.map((i) => (
            <li key={i.key} className={cn('flex items-center gap-3 rounded-lg border bg-white p-2', i.status === 'error' ? 'border-red-300' : 'border-gray-200')} data-status={i.status}>
              {i.preview ? (
                // eslint-disable-next-line @next/next/no-img-element
                <img src={i.preview} alt="" className="h-14 w-14 shrink-0 rounded-md object-cover" />
              ) : (
                <span className="flex h-14 w-14 shrink-0 items-center justify-center rounded-md bg-gray-100 text-xs font-bold text-gray-500">{i.type === 'application/pdf' ? t('pdf') : t('file')}</span>
              )}
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium text-ink">{i.name}</p>
                <p className={cn('text-xs', i.status === 'error' ? 'font-medium text-red-700' : 'text-gray-500')} role={i.status === 'error' ? 'alert' : undefined}>
                  {i.status === 'preparing' && t('preparing')}
                  {i.status === 'uploading' && t('uploading', { progress: i.progress })}
                  {i.status === 'checking' && t('checking')}
                  {i.status === 'ready' && t('ready', { size: formatSize(i.size, isLocale(locale) ? locale : 'de') })}
                  {i.status === 'error' && i.message}
                </p>
                {i.status === 'uploading' ? (
                  <div className="mt-1 h-1.5 rounded-full bg-gray-100">
                    <div className="h-1.5 rounded-full bg-primary transition-all" style={{ width: `${i.progress}%` }} />
                  </div>
                ) : null}
              </div>
              <button type="button" onClick={() => remove(i)} className="h-9 w-9 shrink-0 rounded-full text-lg text-gray-500 hover:bg-gray-100" aria-label={t('remove', { name: i.name })}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function CameraIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true">
      <path d="M4 8h3l2-3h6l2 3h3v11H4z" strokeLinejoin="round" />
      <circle cx="12" cy="13" r="3.5" />
    </svg>
  );
}

function FileIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true">
      <path d="M6 3h8l4 4v14H6z" strokeLinejoin="round" />
      <path d="M14 3v4h4" />
    </svg>
  );
}
