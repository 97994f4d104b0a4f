import { useLocale, useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';
import { effectMessage, formatDay, reasonValues, type ReasonMessage } from '@/lib/deadlines';
import type { ContractDeadline } from '@/lib/fristen/for-contract';
import { isLocale, type MessageKey } from '@/lib/i18n';

/**
 * FRISTEN on a contract page (advisor and client): each deadline with its last day, the reason sentence,
 * when it takes effect, the weekend/holiday warning; unknown ones say which date is missing.
 */
export function ContractDeadlines({ items, audience }: { items: ContractDeadline[]; audience: 'advisor' | 'client' }) {
  const t = useTranslations('contracts.deadlines');
  const tk = useTranslations();
  const raw = useLocale();
  const locale = isLocale(raw) ? raw : 'de';
  const say = (m: ReasonMessage) => tk(m.key as MessageKey, reasonValues(m, locale));
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t('heading')}</h2>
      {items.length === 0 ? <p className="mt-2 text-sm text-gray-600">{t('none')}</p> : null}
      <ul className="mt-3 space-y-3" data-testid="contract-deadlines">
        {items.map(({ deadline: d, done }) => {
          const effect = effectMessage(d);
          const tone =
            d.state === 'overdue'
              ? 'border-red-200 bg-red-50'
              : d.state === 'unknown'
                ? 'border-gray-200 bg-gray-50'
                : 'border-primary/20 bg-primary-soft';
          return (
            <li key={d.id} className={`rounded-xl border p-4 ${tone}`}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-semibold text-ink">{tk(`deadlines.kinds.${d.kind}`)}</p>
                <p className="text-sm font-semibold">
                  {d.lastDay ? (
                    <span className={d.state === 'overdue' ? 'text-red-800' : 'text-ink'}>
                      {t('lastDay', { date: formatDay(d.lastDay, locale) })}
                    </span>
                  ) : null}{' '}
                  <span className="ml-1 rounded-full bg-white/80 px-2 py-0.5 text-xs font-bold text-gray-700">
                    {done ? t('done') : tk(`deadlines.states.${d.state}`)}
                  </span>
                </p>
              </div>
              <p className="mt-1 break-words text-sm leading-relaxed text-ink">{say(d.reason)}</p>
              {effect ? <p className="mt-1 text-xs text-gray-600">{say(effect)}</p> : null}
              {d.state === 'unknown' && audience === 'advisor' ? (
                <p className="mt-1 text-xs text-gray-600">{t('unknownHint')}</p>
              ) : null}
              {d.warnings.map((w) => (
                <p key={w.code} role="note" className="mt-2 rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-900">
                  {say(w.message)}
                </p>
              ))}
              {done?.note ? <p className="mt-2 text-xs text-gray-700">{done.note}</p> : null}
              <p className="mt-2 text-xs text-gray-700">{t('source', { source: d.rule.source })}</p>
            </li>
          );
        })}
      </ul>
      {audience === 'client' && items.length > 0 ? (
        <p className="mt-3 text-sm text-gray-700">{t('clientHint')}</p>
      ) : null}
    </Card>
  );
}
