import { getTranslations } from 'next-intl/server';
import { DecideForm, JobButton } from '@/components/import/job-button';
import { excludeRowAction } from '@/lib/import/actions';
import { translateMessage } from '@/lib/forms/message';
import type { ImportRow } from '@/lib/import/types';
import type { Locale } from '@/lib/i18n';
import { cn } from '@/components/ui/cn';

const tone = {
  new: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  changed: 'bg-amber-50 text-amber-900 ring-amber-200',
  unchanged: 'bg-gray-50 text-gray-600 ring-gray-200',
  error: 'bg-red-50 text-red-800 ring-red-200',
} as const;

/** The match key in words: the insurer's numbers of a GDV row, the e-mail of a contact ('line:…' keys hide). */
function keyParts(r: ImportRow): { key: 'provider' | 'person' | 'contract'; values: Record<string, string> } | null {
  const k = r.matchKey ?? '';
  const vu = /^vu:(.+)$/.exec(k);
  if (r.kind === 'provider' && vu) return { key: 'provider', values: { vu: vu[1]! } };
  const kn = /^kn:([^:]+):(.+)$/.exec(k);
  if (r.kind === 'person' && kn) return { key: 'person', values: { vu: kn[1]!, number: kn[2]! } };
  const c = /^([^|]+)\|([^|]*)\|([^|]*)\|(.*)$/.exec(k);
  if (r.kind === 'contract' && c)
    return { key: 'contract', values: { vu: c[1]!, sparte: c[2]!, number: [c[3], c[4]].filter(Boolean).join('/') } };
  return null;
}

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '–' : String(v));

function reasonText(locale: Locale, r: ImportRow): string | null {
  const key = r.applyError ?? r.reasonKey;
  if (!key) return null;
  return translateMessage(locale, r.reasonValues && !r.applyError ? `${key}|${JSON.stringify(r.reasonValues)}` : key);
}

/** The review's rows: status, who, changed fields as before → after, the reason; exclude and decide. */
export async function ReviewRows({
  rows,
  jobId,
  editable,
  locale,
}: {
  rows: ImportRow[];
  jobId: string;
  editable: boolean;
  locale: Locale;
}) {
  const t = await getTranslations('import');
  const name = (v: Record<string, unknown> | null) =>
    [v?.company, [v?.firstName, v?.lastName].filter(Boolean).join(' '), v?.product, v?.number, v?.name]
      .filter(Boolean)
      .join(' · ') || '–';
  const keyText = (r: ImportRow) => {
    const p = keyParts(r);
    if (p) return t(`review.keys.${p.key}`, p.values);
    return r.kind === 'contact' && r.matchKey && !r.matchKey.startsWith('line:') ? r.matchKey : '';
  };
  const gdv = rows.some((r) => r.kind !== 'contact');
  const field = (k: string) => (t.has(`fields.${k}` as 'fields.email') ? t(`fields.${k}` as 'fields.email') : k);
  return (
    <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white shadow-sm">
      <table className="min-w-full text-sm max-sm:block">
        <thead className="bg-gray-50 text-left text-xs font-semibold uppercase tracking-wide text-gray-600 max-sm:sr-only">
          <tr>
            <th className="w-16 px-4 py-3">{t('review.line')}</th>
            <th className="px-4 py-3">{t('review.contact')}</th>
            <th className="px-4 py-3">{t('review.changes')}</th>
            <th className="px-4 py-3">{t('review.reason')}</th>
            <th className="px-4 py-3">
              <span className="sr-only">{t('review.action')}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100 max-sm:block">
          {rows.map((r) => {
            const changed =
              r.status === 'changed'
                ? Object.keys(r.after).filter((k) => show(r.after[k]) !== show(r.before?.[k]))
                : [];
            const reason = reasonText(locale, r);
            return (
              <tr
                key={r.id}
                className={cn('max-sm:grid max-sm:grid-cols-[3rem_1fr] max-sm:py-2', r.excluded && 'opacity-50')}
                data-status={r.status}
              >
                <td className="px-4 py-3 align-top tabular-nums text-gray-600 max-sm:row-span-4 max-sm:py-1 max-sm:pr-0">
                  {r.line}
                </td>
                <td className="min-w-64 px-4 py-3 align-top max-sm:min-w-0 max-sm:py-1">
                  <span
                    className={cn(
                      'mr-2 inline-block rounded-full px-2 py-0.5 text-xs font-semibold ring-1',
                      tone[r.status],
                    )}
                  >
                    {t(`status.${r.status}`)}
                  </span>
                  {gdv ? (
                    <span className="mr-2 text-xs font-semibold uppercase tracking-wide text-gray-600">
                      {t(`review.kinds.${r.kind}`)}
                    </span>
                  ) : null}
                  <span className="font-medium text-ink">
                    {name(r.status === 'changed' ? { ...r.before, ...r.after } : r.after)}
                  </span>
                  <div className="mt-0.5 text-xs text-gray-600 [overflow-wrap:anywhere]">{keyText(r)}</div>
                </td>
                <td
                  className={cn(
                    'min-w-64 px-4 py-3 align-top max-sm:min-w-0 max-sm:py-1',
                    !changed.length && 'max-sm:hidden',
                  )}
                >
                  {changed.length ? (
                    <ul className="space-y-0.5">
                      {changed.map((k) => (
                        <li key={k}>
                          <span className="text-gray-600">{field(k)}:</span>{' '}
                          <del className="text-gray-600">{show(r.before?.[k])}</del>
                          <span aria-hidden="true" className="mx-1">
                            →
                          </span>
                          <ins className="font-medium text-ink no-underline">{show(r.after[k])}</ins>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="text-gray-600">–</span>
                  )}
                </td>
                <td
                  className={cn(
                    'max-w-xs px-4 py-3 align-top max-sm:max-w-none max-sm:py-1',
                    !reason && !(editable && r.candidates?.length) && 'max-sm:hidden',
                    r.status === 'error' || r.applyError ? 'text-red-700' : 'text-gray-600',
                  )}
                >
                  {reason ?? ''}
                  {r.reasonField && r.status === 'error' ? (
                    <span className="ml-1 text-xs text-gray-600">({field(r.reasonField)})</span>
                  ) : null}
                  {editable && r.candidates?.length ? (
                    <DecideForm jobId={jobId} rowId={r.id} decision={r.decision} candidates={r.candidates} />
                  ) : null}
                </td>
                <td className="px-4 py-3 text-right align-top max-sm:col-start-2 max-sm:py-1 max-sm:text-left">
                  {editable && r.status !== 'error' && r.status !== 'unchanged' ? (
                    <JobButton
                      action={excludeRowAction}
                      fields={{ id: jobId, rowId: r.id, excluded: r.excluded ? 'false' : 'true' }}
                      label={r.excluded ? t('review.include') : t('review.exclude')}
                      variant="ghost"
                      size="sm"
                    />
                  ) : r.excluded ? (
                    <span className="text-xs text-gray-600">{t('review.excluded')}</span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
