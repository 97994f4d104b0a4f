import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { folderModules, rightsOf, type Grants } from '@/lib/access/freigaben';
import { formatEuro } from '@/lib/contracts/premium';
import { defaultLocale, isLocale } from '@/lib/i18n';

/** DIGITALER ORDNER: the visible areas, each with what the client may do there. */
export function FolderAreas({
  grants,
  base,
  preview,
  summary,
}: {
  grants: Grants;
  base: string;
  preview?: boolean;
  summary?: Partial<Record<string, { count: number; annualCents: number }>>;
}) {
  const t = useTranslations('portal.folder');
  const tg = useTranslations('grants');
  const raw = useLocale();
  const locale = isLocale(raw) ? raw : defaultLocale;
  const visible = folderModules.filter((m) => rightsOf(grants, m).visible);
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {visible.map((m) => {
        const r = rightsOf(grants, m);
        const totals = summary?.[m];
        const body = (
          <>
            <span className="text-base font-bold tracking-wide text-ink">{tg(`modules.${m}`)}</span>
            <span className="mt-1 block text-sm text-gray-600">{t(`descriptions.${m}`)}</span>
            {totals ? (
              <span className="mt-2 block text-sm text-ink" data-testid={`count-${m}`}>
                {t.rich(m === 'emergency' ? 'entries' : 'contracts', {
                  count: totals.count,
                  strong: (chunks) => <strong className="text-primary">{chunks}</strong>,
                })}
                {totals.annualCents ? t('perYear', { amount: formatEuro(totals.annualCents, locale) }) : ''}
              </span>
            ) : null}
            <span
              className="mt-3 inline-block rounded-full bg-primary-soft px-2.5 py-0.5 text-xs font-semibold text-primary"
              data-testid={`mode-${m}`}
            >
              {r.mayCreateEditOwn ? t('mayAdd') : t('readOnly')}
            </span>
          </>
        );
        return (
          <li key={m}>
            {preview ? (
              <div className="block rounded-2xl bg-white p-5 shadow-sm ring-1 ring-black/5">{body}</div>
            ) : (
              <Link
                href={`${base}/folder/${m}`}
                className="block rounded-2xl bg-white p-5 shadow-sm ring-1 ring-black/5 transition hover:ring-primary/40"
              >
                {body}
              </Link>
            )}
          </li>
        );
      })}
    </ul>
  );
}
