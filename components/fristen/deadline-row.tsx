import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { formatDay, reasonValues, type ReasonMessage } from '@/lib/deadlines';
import type { DeadlineListItem } from '@/lib/fristen';
import { isLocale, type MessageKey } from '@/lib/i18n';
import { MarkDone } from './mark-done';

/** One FRISTEN entry: last day, kind, contact and contract, the reason, warnings, erledigt. */
export function DeadlineRow({ item, mayMark }: { item: DeadlineListItem; mayMark: boolean }) {
  const t = useTranslations('fristen');
  const tk = useTranslations();
  const format = useFormatter();
  const raw = useLocale();
  const locale = isLocale(raw) ? raw : 'de';
  const say = (m: ReasonMessage) => tk(m.key as MessageKey, reasonValues(m, locale));
  const d = item.deadline;
  const overdue = d.state === 'overdue';
  return (
    <li className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-black/5" data-testid="deadline-row">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className={`text-base font-bold ${overdue ? 'text-red-800' : 'text-ink'}`}>
          {t('lastDay', { date: formatDay(d.lastDay, locale) })}
          <span className="ml-2 text-sm font-semibold text-gray-700">{tk(`deadlines.kinds.${d.kind}`)}</span>
        </p>
        <span className="rounded-full bg-gray-100 px-2 py-0.5 text-xs font-bold text-gray-700">
          {item.done ? t('done') : tk(`deadlines.states.${d.state}`)}
        </span>
      </div>
      <p className="mt-1 text-sm">
        <Link href={`/contacts/${item.contactId}`} className="font-semibold text-primary hover:underline">
          {item.contactName}
        </Link>
        {' · '}
        <Link
          href={`/contacts/${item.contactId}/contracts/${item.contractId}`}
          className="text-primary underline underline-offset-2 hover:no-underline"
        >
          {item.product}
        </Link>
        {item.provider ? ` · ${item.provider}` : ''}
        {item.number ? ` · ${item.number}` : ''}
      </p>
      <p className="mt-1 text-xs text-gray-600">
        {item.advisorName ? t('advisor', { name: item.advisorName }) : t('advisorNone')}
      </p>
      <p className="mt-2 break-words text-sm text-ink">{say(d.reason)}</p>
      {d.warnings.map((w) => (
        <p key={w.code} role="note" className="mt-2 rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-900">
          {say(w.message)}
        </p>
      ))}
      {item.done ? (
        <p className="mt-2 text-xs text-gray-700">
          {t('doneAt', { date: format.dateTime(item.done.doneAt, { dateStyle: 'medium' }) })}
          {item.done.note ? ` – ${item.done.note}` : ''}
        </p>
      ) : null}
      {mayMark ? (
        <div className="mt-2">
          <MarkDone contractId={item.contractId} deadlineId={d.id} done={!!item.done} />
        </div>
      ) : null}
    </li>
  );
}
