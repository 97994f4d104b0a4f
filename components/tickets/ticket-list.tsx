import { useFormatter, useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';
import { esc, Markup } from '@/components/ui/markup';
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
  // Plain markup (components/ui/markup.tsx): one string in the page's payload instead of every row's elements.
  const unread = t('unread');
  const rows = items.map((item) => {
    const line =
      (audience === 'advisor'
        ? t('advisorLine', { contact: item.contactName, assignee: item.assigneeName })
        : t('clientLine', { assignee: item.assigneeName })) + (item.contractLabel ? ` · ${item.contractLabel}` : '');
    return [
      `<li${item.unread ? ' data-unread="true"' : ''}>`,
      `<a href="${esc(hrefOf(item.id))}" class="${cn('flex items-start gap-3 px-4 py-3.5 hover:bg-gray-50', item.unread ? 'bg-primary-soft/50' : '')}">`,
      `<span class="${cn('mt-2 h-2.5 w-2.5 shrink-0 rounded-full', item.unread ? 'bg-secondary' : 'bg-transparent')}" aria-hidden="true"></span>`,
      '<span class="min-w-0 flex-1">',
      `<span class="${cn('block truncate text-ink', item.unread ? 'font-bold' : 'font-medium')}">`,
      item.unread ? `<span class="sr-only">${esc(unread)}</span>` : '',
      `${esc(item.subject)}</span>`,
      `<span class="mt-0.5 block truncate text-sm text-gray-600">${esc(line)}</span>`,
      '</span>',
      `<time class="shrink-0 text-xs text-gray-600" datetime="${item.lastAt.toISOString()}">${esc(format.dateTime(item.lastAt, { dateStyle: 'medium', timeStyle: 'short' }))}</time>`,
      '</a></li>',
    ].join('');
  });
  return (
    <Markup
      html={`<ul class="divide-y divide-gray-100 overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-black/5" aria-label="${esc(t('label'))}">${rows.join('')}</ul>`}
    />
  );
}
