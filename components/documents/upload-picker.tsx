'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRef } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { documentUpload, formatSize } from '@/lib/documents/rules';
import { isLocale } from '@/lib/i18n/locales';
import type { useUploader } from './use-uploader';

export { useUploader, type UploadItem, type UploadTarget } from './use-uploader';

export function UploadPicker({
  uploader,
  label,
  required,
  error,
  compact,
}: {
  uploader: ReturnType<typeof useUploader>;
  label?: string;
  required?: boolean;
  error?: string;
  compact?: boolean;
}) {
  const t = useTranslations('uploads.picker');
  const locale = useLocale();
  const cameraRef = useRef<HTMLInputElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const { items, pick, remove } = uploader;
  return (
    <div>
      <p className="text-sm font-medium text-ink">
        {label ?? t('files')}
        {required ? (
          <span className="ml-0.5 text-red-700" aria-hidden="true">
            *
          </span>
        ) : null}
      </p>
      <div className="mt-2 grid gap-2 sm:flex sm:flex-wrap">
        <Button
          type="button"
          variant="secondary"
          size={compact ? 'md' : 'lg'}
          onClick={() => cameraRef.current?.click()}
          className="w-full sm:w-auto md:hidden"
        >
          <CameraIcon /> {t('camera')}
        </Button>
        <Button
          type="button"
          variant="secondary"
          size={compact ? 'md' : 'lg'}
          onClick={() => fileRef.current?.click()}
          className="w-full sm:w-auto"
        >
          <FileIcon /> {t('choose')}
        </Button>
      </div>
      <input
        ref={cameraRef}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        className="sr-only"
        aria-label={t('camera')}
        data-testid="camera-input"
        tabIndex={-1}
        onChange={(e) => {
          pick(e.target.files);
          e.target.value = '';
        }}
      />
      <input
        ref={fileRef}
        type="file"
        accept={documentUpload.accept}
        multiple
        className="sr-only"
        aria-label={t('choose')}
        data-testid="file-input"
        tabIndex={-1}
        onChange={(e) => {
          pick(e.target.files);
          e.target.value = '';
        }}
      />
      <p className="mt-2 text-xs text-gray-500">{t('hint')}</p>
      {error ? (
        <p role="alert" className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      {items.length ? (
        <ul className="mt-3 grid gap-2 sm:grid-cols-2" aria-label={t('chosen')}>
          {items.map((i) => (
            <li
              key={i.key}
              className={cn(
                'flex items-center gap-3 rounded-lg border bg-white p-2',
                i.status === 'error' ? 'border-red-300' : 'border-gray-200',
              )}
              data-status={i.status}
            >
              {i.preview ? (
                // eslint-disable-next-line @next/next/no-img-element
                <img src={i.preview} alt="" className="h-14 w-14 shrink-0 rounded-md object-cover" />
              ) : (
                <span className="flex h-14 w-14 shrink-0 items-center justify-center rounded-md bg-gray-100 text-xs font-bold text-gray-500">
                  {i.type === 'application/pdf' ? t('pdf') : t('file')}
                </span>
              )}
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium text-ink">{i.name}</p>
                <p
                  className={cn('text-xs', i.status === 'error' ? 'font-medium text-red-700' : 'text-gray-500')}
                  role={i.status === 'error' ? 'alert' : undefined}
                >
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
              <button
                type="button"
                onClick={() => remove(i)}
                className="h-9 w-9 shrink-0 rounded-full text-lg text-gray-500 hover:bg-gray-100"
                aria-label={t('remove', { name: i.name })}
              >
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
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      aria-hidden="true"
    >
      <path d="M4 8h3l2-3h6l2 3h3v11H4z" strokeLinejoin="round" />
      <circle cx="12" cy="13" r="3.5" />
    </svg>
  );
}

function FileIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      aria-hidden="true"
    >
      <path d="M6 3h8l4 4v14H6z" strokeLinejoin="round" />
      <path d="M14 3v4h4" />
    </svg>
  );
}
