import { useFormatter, useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';
import type { TicketListItem } from '@/lib/tickets/list';

/** Ticket rows; unread ones are bold with a dot (and say so to screen readers). */
export function TicketList({
  items,
  hrefOf,
  audience,
}: {
  items: TicketListItem[];
  hrefOf: (id: string) => string;
  audience: 'advisor' | 'client';
}) {
  const t = useTranslations('tickets.list');
  const format = useFormatter();
  return (
    <ul
      className="divide-y divide-gray-100 overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-black/5"
      aria-label={t('label')}
    >
      {items.map((item) => (
        <li key={item.id} data-unread={item.unread ? 'true' : undefined}>
          <a
            href={hrefOf(item.id)}
            className={cn(
              'flex items-start gap-3 px-4 py-3.5 hover:bg-gray-50',
              item.unread ? 'bg-primary-soft/50' : '',
            )}
          >
            <span
              className={cn('mt-2 h-2.5 w-2.5 shrink-0 rounded-full', item.unread ? 'bg-secondary' : 'bg-transparent')}
              aria-hidden="true"
            />
            <span className="min-w-0 flex-1">
              <span className={cn('block truncate text-ink', item.unread ? 'font-bold' : 'font-medium')}>
                {item.unread ? <span className="sr-only">{t('unread')}</span> : null}
                {item.subject}
              </span>
              <span className="mt-0.5 block truncate text-sm text-gray-600">
                {audience === 'advisor'
                  ? t('advisorLine', { contact: item.contactName, assignee: item.assigneeName })
                  : t('clientLine', { assignee: item.assigneeName })}
                {item.contractLabel ? ` · ${item.contractLabel}` : ''}
              </span>
            </span>
            <time className="shrink-0 text-xs text-gray-600" dateTime={item.lastAt.toISOString()}>
              {format.dateTime(item.lastAt, { dateStyle: 'medium', timeStyle: 'short' })}
            </time>
          </a>
        </li>
      ))}
    </ul>
  );
}
