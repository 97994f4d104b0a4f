import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';
import type { Locale } from '@/lib/i18n';
import type { HistoryEntry, ThreadMessage } from '@/lib/tickets/open';
import { formatSize } from '@/lib/uploads/names';

const shown = { dateStyle: 'medium', timeStyle: 'short' } as const;

/** The thread: own messages on the right, the other side on the left; attachments as download links. */
export function Thread({ messages }: { messages: ThreadMessage[] }) {
  const t = useTranslations('tickets.thread');
  const format = useFormatter();
  const locale = useLocale() as Locale;
  return (
    <ol className="space-y-4" aria-label={t('label')}>
      {messages.map((m) => (
        <li key={m.id} className={cn('flex', m.mine ? 'justify-end' : 'justify-start')}>
          <article
            className={cn(
              'max-w-[min(42rem,92%)] rounded-2xl px-4 py-3 shadow-sm ring-1',
              m.mine ? 'bg-primary-soft ring-primary/15' : 'bg-white ring-black/5',
            )}
          >
            <header className="flex flex-wrap items-baseline gap-x-2 text-xs text-gray-600">
              <span className="font-semibold text-ink">{m.authorName}</span>
              {m.authorKind === 'client' ? <span>{t('client')}</span> : null}
              <time dateTime={m.at.toISOString()}>{format.dateTime(m.at, shown)}</time>
            </header>
            <p className="mt-1 whitespace-pre-line break-words text-[15px] leading-relaxed text-ink">{m.body}</p>
            {m.files.length ? (
              <ul className="mt-2 flex flex-wrap gap-2">
                {m.files.map((f) => (
                  <li key={f.id}>
                    <a
                      href={`/api/attachments/${f.id}`}
                      className="inline-flex max-w-64 items-center gap-1 rounded-lg bg-white/80 px-2 py-1 text-sm font-medium text-primary ring-1 ring-black/5 hover:underline"
                      download
                    >
                      <span className="truncate">{f.filename}</span>
                      <span className="text-xs text-gray-500">{formatSize(f.size, locale)}</span>
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </article>
        </li>
      ))}
    </ol>
  );
}

/** HISTORIE: who did what when; forwards with from → to; internal notes only when given (staff). */
export function History({ entries }: { entries: HistoryEntry[] }) {
  const t = useTranslations('tickets.thread');
  const format = useFormatter();
  return (
    <details className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-black/5">
      <summary className="cursor-pointer list-none font-semibold text-primary">
        {t('history', { count: entries.length })}
      </summary>
      <ol className="mt-3 space-y-2" aria-label={t('historyLabel')}>
        {entries.map((e, i) => (
          <li key={i} className="border-l-2 border-primary/30 pl-3 text-sm">
            <p className="text-ink">
              <span className="font-semibold">{t(`event.${e.type}`)}</span>
              {e.type === 'forwarded' ? t('fromTo', { from: e.fromName ?? '', to: e.toName ?? '' }) : ''}
              {e.type === 'created' && e.toName ? t('toOnly', { to: e.toName }) : ''} · {e.actorName}
            </p>
            {e.internalNote ? (
              <p className="mt-0.5 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">
                {t('internalNote', { note: e.internalNote })}
              </p>
            ) : null}
            <time className="text-xs text-gray-500" dateTime={e.at.toISOString()}>
              {format.dateTime(e.at, shown)}
            </time>
          </li>
        ))}
      </ol>
    </details>
  );
}
