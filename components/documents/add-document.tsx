'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import type { FormState } from '@/lib/actions/result';
import { DocumentUpload } from './document-upload';
import type { UploadTarget } from './upload-picker';

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
