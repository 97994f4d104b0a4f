import { cn } from '@/components/ui/cn';
import type { TicketListItem } from '@/lib/tickets';

const when = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });

/** Ticket rows; unread ones are bold with a dot (and say so to screen readers). */
export function TicketList({ items, hrefOf, audience }: { items: TicketListItem[]; hrefOf: (id: string) => string; audience: 'advisor' | 'client' }) {
  return (
    <ul className="divide-y divide-gray-100 overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-black/5" aria-label="Tickets">
      {items.map((t) => (
        <li key={t.id} data-unread={t.unread ? 'true' : undefined}>
          <a href={hrefOf(t.id)} className={cn('flex items-start gap-3 px-4 py-3.5 hover:bg-gray-50', t.unread ? 'bg-primary-soft/50' : '')}>
            <span className={cn('mt-2 h-2.5 w-2.5 shrink-0 rounded-full', t.unread ? 'bg-secondary' : 'bg-transparent')} aria-hidden="true" />
            <span className="min-w-0 flex-1">
              <span className={cn('block truncate text-ink', t.unread ? 'font-bold' : 'font-medium')}>
                {t.unread ? <span className="sr-only">Ungelesen: </span> : null}
                {t.subject}
              </span>
              <span className="mt-0.5 block truncate text-sm text-gray-600">
                {audience === 'advisor' ? `${t.contactName} · bei ${t.assigneeName}` : `an ${t.assigneeName}`}
                {t.contractLabel ? ` · ${t.contractLabel}` : ''}
              </span>
            </span>
            <time className="shrink-0 text-xs text-gray-500" dateTime={t.lastAt.toISOString()}>
              {when.format(t.lastAt)}
            </time>
          </a>
        </li>
      ))}
    </ul>
  );
}
