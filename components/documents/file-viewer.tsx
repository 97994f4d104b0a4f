import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';
import { previewable } from '@/lib/documents/rules';

/** The viewer page: PDFs and images inline (streamed after the rights check), everything with a download. */
export function FileViewer({
  file,
  backHref,
  backLabel,
}: {
  file: { id: string; title: string; filename: string; mime: string };
  backHref: string;
  backLabel: string;
}) {
  const t = useTranslations('documents.viewer');
  const kind = previewable(file.mime);
  const src = `/api/files/${file.id}?inline=1`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Link href={backHref} className="text-sm font-medium text-primary hover:underline">
          ← {backLabel}
        </Link>
        <a href={`/api/files/${file.id}`} className={buttonClass('secondary', 'md')} download>
          {t('download')}
        </a>
      </div>
      <div>
        <h1 className="text-xl font-bold text-ink sm:text-2xl">{file.title}</h1>
        <p className="text-sm text-gray-600">{file.filename}</p>
      </div>
      <div className="overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-black/5">
        {kind === 'pdf' ? <iframe src={src} title={file.title} className="h-[75vh] w-full" /> : null}
        {kind === 'image' ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={src} alt={file.title} className="mx-auto max-h-[75vh] w-auto max-w-full object-contain" />
        ) : null}
        {kind === null ? <p className="p-6 text-sm text-gray-600">{t('noPreview')}</p> : null}
      </div>
    </div>
  );
}
