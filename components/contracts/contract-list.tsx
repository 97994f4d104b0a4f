import { useLocale, useTranslations } from 'next-intl';
import type { ContractListItem } from '@/lib/contracts';
import { areaConfig, type FolderArea } from '@/lib/contracts/areas';
import { annualCents, formatEuro, frequencyKey, statusKey, type PaymentFrequency } from '@/lib/contracts/premium';
import { isLocale } from '@/lib/i18n';
import { esc, Markup } from '@/components/ui/markup';

export function ContractStatus({ status }: { status: string | null }) {
  const tk = useTranslations();
  if (!status) return null;
  const key = statusKey(status);
  return <span className={`cstatus cstatus-${status}`}>{key ? tk(key) : status}</span>;
}

/**
 * The contracts of one area: one markup that is a card on phones and a grid row on wide screens (see .clist and
 * .crow in globals.css, one-letter cell classes), plain links (hundreds of client-side Links would each be
 * serialised). Each row names who created it (advisor or client). The rows are one string of markup, not
 * hundreds of elements.
 */
export function ContractList({
  area,
  items,
  hrefOf,
  audience,
}: {
  area: FolderArea;
  items: ContractListItem[];
  hrefOf: (id: string) => string;
  audience: 'advisor' | 'client';
}) {
  const tList = useTranslations('contracts.list');
  const tAll = useTranslations();
  const locale = useLocale();
  // Hundreds of rows share a handful of words (status, frequency, "N Dokumente"): each distinct one is
  // formatted once per list, not once per row (ICU formatting was a seventh of the page's CPU; issue 17).
  const memo = new Map<string, string>();
  const once =
    (scope: string, f: (key: never, values?: never) => string) => (key: string, values?: { count: number }) => {
      const id = `${scope}|${key}|${values?.count ?? ''}`;
      let text = memo.get(id);
      if (text === undefined) memo.set(id, (text = f(key as never, values as never)));
      return text;
    };
  const t = once('list', tList);
  const tk = once('all', tAll);
  const euroFormat = new Map<number, string>();
  const euro = (cents: number) => {
    let text = euroFormat.get(cents);
    if (text === undefined) euroFormat.set(cents, (text = formatEuro(cents, isLocale(locale) ? locale : 'de')));
    return text;
  };
  const cfg = areaConfig[area];
  const emergency = area === 'emergency';
  const byClient = audience === 'client' ? t('byYou') : t('byClient');
  const premiumText = (c: ContractListItem): { perPayment: string; perYear: string | null } => {
    const frequency = c.frequency && frequencyKey(c.frequency) ? tk(frequencyKey(c.frequency)!) : c.frequency;
    if (c.frequency === 'beitragsfrei') return { perPayment: frequency!, perYear: null };
    if (c.premiumCents === null || !c.frequency) return { perPayment: '–', perYear: null };
    const perYear = annualCents(c.premiumCents, c.frequency as PaymentFrequency);
    return { perPayment: `${euro(c.premiumCents)} ${frequency}`, perYear: perYear ? euro(perYear) : null };
  };
  // The rows as plain markup (components/ui/markup.tsx): a folder holds hundreds of contracts.
  const cell = (cls: string, inner: string) => `<span class="${cls}" role="cell">${inner}</span>`;
  const hidden = (text: string) => `<span class="l">${esc(text)}</span>`;
  const statusHtml = (status: string | null) => {
    if (!status) return '';
    const key = statusKey(status);
    return `<span class="cstatus cstatus-${esc(status)}">${esc(key ? tk(key) : status)}</span>`;
  };
  const head = [
    tk(cfg.productLabel),
    emergency || !cfg.providerLabel ? tk('contracts.fields.title') : tk(cfg.providerLabel),
    ...(emergency ? [] : [t('number'), t('status'), t('premium'), t('perYear')]),
    t('documentsShort'),
    t('createdBy'),
  ].map(
    (label, i) =>
      `<span role="columnheader"${!emergency && (i === 4 || i === 5) ? ' class="text-right"' : ''}>${esc(label)}</span>`,
  );
  const numberShort = t('numberShort');
  const createdByLower = t('createdByLower');
  const rows = items.map((c) => {
    const p = premiumText(c);
    const creator = c.createdByClient ? byClient : (c.createdByName ?? t('advisor'));
    return [
      '<div class="crow" role="row">',
      // The link covers the whole row (::after), so the row stays a table row for assistive tech.
      cell('p', `<a href="${esc(hrefOf(c.id))}">${esc(c.product)}</a>`),
      cell('m', esc(emergency ? c.title : c.provider)),
      emergency
        ? ''
        : cell('n', c.number ? `${hidden(`${numberShort} `)}${esc(c.number)}` : '–') +
          // On phones the status sits top right of the card.
          cell('s', statusHtml(c.status)) +
          cell('r', esc(p.perPayment)) +
          cell('y', esc(p.perYear ?? '–')),
      cell('x', `${c.documentCount}${hidden(` ${t('documents', { count: c.documentCount })}`)}`),
      cell('x', `${hidden(`${createdByLower} `)}${esc(creator)}`),
      '</div>',
    ].join('');
  });
  return (
    <Markup
      html={`<div class="${emergency ? 'clist clist-emergency' : 'clist'}" role="table" aria-label="${esc(tk(cfg.label))}"><div class="clist-head" role="row">${head.join('')}</div>${rows.join('')}</div>`}
    />
  );
}
