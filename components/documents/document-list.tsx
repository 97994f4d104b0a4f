import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { ConfirmDelete } from '@/components/contracts/confirm-delete';
import type { DocumentListItem } from '@/lib/documents';
import { deleteDocumentAction } from '@/lib/documents/actions';
import { documentTypeKey, formatSize, previewable } from '@/lib/documents/rules';
import { isLocale } from '@/lib/i18n';

/** Documents with their files: view (PDF/images inline), download, delete when allowed. */
export function DocumentList({
  items,
  viewerBase,
  emptyText,
  audience = 'advisor',
}: {
  items: DocumentListItem[];
  viewerBase: string;
  emptyText: string;
  audience?: 'advisor' | 'client';
}) {
  const t = useTranslations('documents.list');
  const tk = useTranslations();
  const format = useFormatter();
  const locale = useLocale();
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'medium' });
  const size = (bytes: number) => formatSize(bytes, isLocale(locale) ? locale : 'de');
  const typeLabel = (v: string) => (documentTypeKey(v) ? tk(documentTypeKey(v)!) : v);
  if (items.length === 0) return <p className="text-sm text-gray-600">{emptyText}</p>;
  return (
    <ul className="divide-y divide-gray-100" aria-label={t('label')}>
      {items.map((d) => (
        <li key={d.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
          <div className="min-w-0 flex-1">
            <p className="flex flex-wrap items-center gap-1.5 font-medium text-ink">
              <span className="mr-1">{d.title}</span>
              <span className="rounded-full bg-gray-100 px-2 py-0.5 text-[11px] font-semibold text-gray-600">
                {typeLabel(d.type)}
              </span>
              {d.createdByClient ? (
                <span className="rounded-full bg-secondary-soft px-2 py-0.5 text-[11px] font-semibold text-ink">
                  {audience === 'client' ? t('byYou') : t('byClient')}
                </span>
              ) : null}
            </p>
            <p className="text-xs text-gray-500">
              {d.documentDate ? `${day(new Date(`${d.documentDate}T12:00:00Z`))} · ` : ''}
              {d.createdByName
                ? t('addedBy', { date: day(d.createdAt), name: d.createdByName })
                : t('added', { date: day(d.createdAt) })}
            </p>
            {d.note ? <p className="mt-1 whitespace-pre-line text-sm text-gray-700">{d.note}</p> : null}
            <ul className="mt-2 flex flex-wrap gap-2">
              {d.files.map((f) => (
                <li
                  key={f.id}
                  className="flex items-center gap-1 rounded-lg bg-gray-50 px-2 py-1 text-sm ring-1 ring-black/5"
                >
                  {previewable(f.mime) ? (
                    <Link
                      href={`${viewerBase}/${f.id}`}
                      className="max-w-56 truncate font-medium text-primary hover:underline"
                      title={f.filename}
                    >
                      {f.filename}
                    </Link>
                  ) : (
                    <span className="max-w-56 truncate" title={f.filename}>
                      {f.filename}
                    </span>
                  )}
                  <span className="text-xs text-gray-500">{size(f.size)}</span>
                  <a
                    href={`/api/files/${f.id}`}
                    className="inline-flex min-w-11 items-center justify-center text-xs font-semibold text-primary hover:underline md:ml-1 md:min-w-0"
                    aria-label={t('download', { filename: f.filename })}
                    download
                  >
                    ↓
                  </a>
                </li>
              ))}
            </ul>
          </div>
          {d.mayDelete ? (
            <ConfirmDelete action={deleteDocumentAction} id={d.id} title={t('deleteTitle')}>
              {t('deleteBody', { title: d.title, count: d.files.length })}
            </ConfirmDelete>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
