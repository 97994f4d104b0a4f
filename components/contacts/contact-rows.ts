import { esc } from '@/components/ui/markup';
import { statusBadgeClass } from '@/components/ui/status-badge';
import type { ContactListItem } from '@/lib/contacts/list';

/** The words of a KONTAKTÜBERSICHT row (translated by the page). */
export interface ContactRowWords {
  selectOne: (name: string) => string;
  incomplete: string;
  lead: string;
  status: (status: string) => string;
}

const td = (inner: string, extra = '') => `<td class="px-4 py-3 align-middle ${extra}">${inner}</td>`;

/**
 * The rows of KONTAKTÜBERSICHT as plain markup (components/ui/markup.tsx): 50 rows of checkbox, link, badges
 * and columns are one string in the page's payload, not some 1,500 elements rendered and serialised twice.
 * The checkboxes belong to the bulk form by their form="bulk-account" attribute, as before.
 */
export function contactRowsHtml(items: ContactListItem[], words: ContactRowWords, highlightId?: string): string {
  return items
    .map((c) => {
      const highlight = c.id === highlightId;
      const name = `${c.firstName} ${c.lastName}`;
      return [
        highlight ? '<tr class="bg-primary-soft" data-highlight="true">' : '<tr>',
        // A 44 px target around the small box (phones).
        td(
          `<label class="-m-2 inline-flex h-11 w-11 cursor-pointer items-center justify-center"><input type="checkbox" name="ids" value="${esc(c.id)}" form="bulk-account" aria-label="${esc(words.selectOne(name))}" class="h-4 w-4"></label>`,
        ),
        td(
          `<a href="/contacts/${esc(c.id)}" class="font-semibold text-primary hover:underline">${esc(c.lastName)}, ${esc(c.firstName)}</a>` +
            (c.company && c.company !== c.lastName
              ? `<span class="ml-1 text-gray-600">· ${esc(c.company)}</span>`
              : '') +
            (c.incomplete
              ? `<span class="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-[11px] font-semibold text-amber-900">${esc(words.incomplete)}</span>`
              : '') +
            (c.lead
              ? `<span class="ml-2 rounded-full bg-secondary-soft px-2 py-0.5 text-[11px] font-semibold text-ink">${esc(words.lead)}</span>`
              : ''),
        ),
        td(esc(c.email), 'text-gray-600'),
        td(esc(c.city ?? '–')),
        td(esc(c.advisorName ?? '–')),
        td(`<span class="${statusBadgeClass(c.status)}">${esc(words.status(c.status))}</span>`),
        '</tr>',
      ].join('');
    })
    .join('');
}
