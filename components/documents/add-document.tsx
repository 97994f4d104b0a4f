'use client';

import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useCallback, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import type { FormState } from '@/lib/actions/result';
import type { DocumentUpload as Upload } from './document-upload';
import type { UploadTarget } from './upload-picker';

/**
 * The upload form (file picker, image scaling, presigned upload: some 60 KiB of JavaScript) is loaded when the
 * panel opens, not with every folder page that shows "+ DOKUMENT HINZUFÜGEN" (issue 17's first-load budget).
 */
const DocumentUpload = dynamic(() => import('./document-upload').then((m) => m.DocumentUpload), {
  ssr: false,
}) as unknown as typeof Upload;

/** "+ DOKUMENT HINZUFÜGEN" as an expandable panel; after SPEICHERN it closes and confirms above. */
export function AddDocument<T>({
  action,
  target,
  defaultType,
  defaultTitle,
  defaultOpen = false,
}: {
  action: (prev: FormState<T>, data: FormData) => Promise<FormState<T>>;
  target: UploadTarget;
  defaultType?: string;
  defaultTitle?: string;
  defaultOpen?: boolean;
}) {
  const t = useTranslations('documents.add');
  const [open, setOpen] = useState(defaultOpen);
  const [saved, setSaved] = useState(false);
  const done = useCallback(() => {
    setSaved(true);
    setOpen(false);
  }, []);
  return (
    <div className="mt-4 space-y-3">
      {saved && !open ? <Alert tone="success">{t('saved')}</Alert> : null}
      <div className={open ? 'rounded-xl border border-gray-200 bg-gray-50/60 p-4' : ''}>
        <button
          type="button"
          aria-expanded={open}
          onClick={() => {
            setOpen((o) => !o);
            setSaved(false);
          }}
          className={
            open
              ? 'text-base font-semibold text-primary'
              : 'w-full rounded-xl border border-dashed border-primary/40 px-4 py-3 text-left text-base font-semibold text-primary hover:bg-primary-soft'
          }
        >
          {open ? t('close') : t('open')}
        </button>
        {open ? (
          <div className="mt-4">
            <DocumentUpload
              action={action}
              target={target}
              defaultType={defaultType}
              defaultTitle={defaultTitle}
              onDone={done}
            />
          </div>
        ) : null}
      </div>
    </div>
  );
}
