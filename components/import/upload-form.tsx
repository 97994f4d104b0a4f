'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { createImportAction, presignImportAction } from '@/lib/import/actions';
import { checkUploadAction } from '@/lib/uploads/actions';

const maxBytes = 100 * 1024 * 1024;

/** The declared type by the ending (Windows names CSV "application/vnd.ms-excel", GDV files have none). */
function typeOf(file: File): string {
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  if (ext === 'xlsx') return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (ext === 'zip') return 'application/zip';
  return 'text/plain';
}

/** HOCHLADEN: presigned POST straight to S3 with progress, the byte check, then the job. */
export function ImportUploadForm({ kinds }: { kinds: readonly ('contacts' | 'gdv')[] }) {
  const t = useTranslations('import');
  const tu = useTranslations();
  const router = useRouter();
  const [kind, setKind] = useState(kinds[0]!);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function upload(file: File) {
    setError(null);
    if (file.size > maxBytes) return setError(tu('uploads.errors.importSize'));
    setProgress(0);
    const start = await presignImportAction({ filename: file.name, contentType: typeOf(file), size: file.size });
    if (!start.ok) {
      setProgress(null);
      return setError(start.fieldErrors?.file ?? start.message ?? tu('import.errors.unreadable'));
    }
    const ok = await new Promise<boolean>((resolve) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(start.data.fields)) form.append(k, v);
      form.append('file', file);
      const xhr = new XMLHttpRequest();
      xhr.open('POST', start.data.url);
      xhr.upload.onprogress = (e) => e.lengthComputable && setProgress(Math.round((e.loaded / e.total) * 100));
      xhr.onload = () => resolve(xhr.status >= 200 && xhr.status < 300);
      xhr.onerror = () => resolve(false);
      xhr.send(form);
    });
    if (!ok) {
      setProgress(null);
      return setError(tu('uploads.picker.aborted'));
    }
    const checked = await checkUploadAction({ id: start.data.id, purpose: 'import' });
    const refused = !checked.ok ? (checked.message ?? '') : !checked.data.ok ? checked.data.message : null;
    if (refused !== null) {
      setProgress(null);
      return setError(refused || tu('uploads.errors.importType'));
    }
    const job = await createImportAction({ uploadId: start.data.id, kind });
    if (!job.ok) {
      setProgress(null);
      return setError(job.fieldErrors?.file ?? job.message ?? tu('import.errors.unreadable'));
    }
    router.push(`/contacts/import/${job.data.id}`);
  }

  return (
    <div className="rounded-xl border border-gray-200 bg-white p-5 shadow-sm">
      {kinds.length > 1 ? (
        <fieldset className="mb-4">
          <legend className="mb-2 text-sm font-semibold text-ink">{t('upload.kind')}</legend>
          <div className="flex flex-wrap gap-4">
            {kinds.map((k) => (
              <label key={k} className="inline-flex items-center gap-2 text-sm">
                <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                {t(`upload.kinds.${k}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <label htmlFor="import-file" className="mb-2 block text-sm font-semibold text-ink">
        {t('upload.label')}
      </label>
      <input
        id="import-file"
        name="file"
        type="file"
        accept=".csv,.txt,.tsv,.xlsx,.zip,.gdv,.dat"
        disabled={progress !== null}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void upload(file);
        }}
        className="block min-h-11 w-full text-sm file:mr-4 file:min-h-11 file:rounded-lg file:border-0 file:bg-primary file:px-4 file:py-2.5 file:text-sm file:font-semibold file:text-on-primary"
        aria-describedby={error ? 'import-file-error' : undefined}
      />
      {progress !== null ? (
        <div className="mt-4" role="status">
          <p className="mb-1 text-sm text-gray-600">{t('upload.uploading')}</p>
          <div className="h-2 overflow-hidden rounded-full bg-gray-100">
            <div className="h-full bg-primary transition-all" style={{ width: `${progress}%` }} />
          </div>
        </div>
      ) : null}
      {error ? (
        <p id="import-file-error" role="alert" className="mt-3 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      <span className={buttonClass('primary', 'md', 'sr-only')}>{t('upload.submit')}</span>
    </div>
  );
}
