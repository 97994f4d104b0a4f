'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useState } from 'react';
import { prepareImage } from '@/lib/documents/scale';
import { presignDocumentUploadAction } from '@/lib/documents/actions';
import { documentUpload, uploadMessageKeys } from '@/lib/documents/rules';
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

const extensionTypes: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heif',
};

/** The declared type: the browser's, or by the ending (phones often report HEIC as empty). */
function typeOf(file: File): string {
  if (documentUpload.types.includes(file.type)) return file.type;
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return extensionTypes[ext] ?? file.type;
}

/** POST to the presigned S3 form with progress (fetch has no upload progress). */
function postToStorage(
  url: string,
  fields: Record<string, string>,
  file: File,
  onProgress: (p: number) => void,
): Promise<boolean> {
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

export type UploadTarget = {
  contactId?: string;
  area: 'insurance' | 'finance' | 'other' | 'emergency' | 'profile' | 'communication';
  contractId?: string | null;
};

/**
 * The browser side of an upload, shared by DOKUMENT HINZUFÜGEN and KOMMUNIKATION: photos scaled
 * (≤ 2,560 px, JPEG, metadata removed), a presigned POST straight to S3 with progress, then the server's
 * byte check. `ready` holds the ids the form sends; nothing of the file passes through a server action.
 */
export function useUploader(target: UploadTarget) {
  const tk = useTranslations();
  const t = useTranslations('uploads.picker');
  const [items, setItems] = useState<UploadItem[]>([]);
  const update = (key: string, patch: Partial<UploadItem>) =>
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  async function handle(original: File) {
    const key = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const declared = typeOf(original);
    const isImage = declared.startsWith('image/') && declared !== 'image/heic' && declared !== 'image/heif';
    setItems((list) => [
      ...list,
      {
        key,
        name: original.name,
        size: original.size,
        type: declared,
        preview: isImage ? URL.createObjectURL(original) : null,
        status: 'preparing',
        progress: 0,
      },
    ]);
    if (!documentUpload.types.includes(declared))
      return update(key, { status: 'error', message: tk(uploadMessageKeys.type) });
    if (original.size === 0) return update(key, { status: 'error', message: tk(uploadMessageKeys.empty) });
    const file = isImage ? await prepareImage(original) : original;
    if (file.size > documentUpload.maxBytes)
      return update(key, { status: 'error', message: tk(uploadMessageKeys.size) });
    update(key, { name: file.name, size: file.size, type: typeOf(file), status: 'uploading' });
    try {
      const start = await presignDocumentUploadAction({
        ...target,
        contractId: target.contractId ?? null,
        filename: file.name,
        contentType: typeOf(file),
        size: file.size,
      });
      if (!start.ok)
        return update(key, { status: 'error', message: start.fieldErrors?.file ?? start.message ?? t('unavailable') });
      const uploaded = await postToStorage(start.data.url, start.data.fields, file, (progress) =>
        update(key, { progress }),
      );
      if (!uploaded) return update(key, { status: 'error', message: t('aborted') });
      update(key, { status: 'checking', progress: 100 });
      const checked = await checkUploadAction({
        id: start.data.id,
        purpose: target.area === 'communication' ? 'tickets' : 'documents',
      });
      if (!checked.ok) return update(key, { status: 'error', message: checked.message ?? tk(uploadMessageKeys.type) });
      update(
        key,
        checked.data.ok
          ? { status: 'ready', uploadId: start.data.id }
          : { status: 'error', message: checked.data.message },
      );
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
