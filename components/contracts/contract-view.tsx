import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { DocumentList } from '@/components/documents/document-list';
import { AddDocument } from '@/components/documents/add-document';
import type { ContractDetail } from '@/lib/contracts';
import { deleteContractAction, updateContractAction } from '@/lib/contracts/actions';
import { areaConfig, contractInitial, labelKeyIn, type ContractField } from '@/lib/contracts/areas';
import { annualCents, formatEuro, frequencyKey, methodKey, type PaymentFrequency } from '@/lib/contracts/premium';
import type { DocumentListItem } from '@/lib/documents';
import { createDocumentAction } from '@/lib/documents/actions';
import { isLocale } from '@/lib/i18n';
import { ConfirmDelete } from './confirm-delete';
import { ContractForm } from './contract-form';
import { ContractStatus } from './contract-list';
import { ContractDeadlines } from './contract-deadlines';
import type { ContractDeadline } from '@/lib/fristen/for-contract';
import { showContractDate } from '@/lib/contracts/dates';
import { TicketList } from '@/components/tickets/ticket-list';
import type { TicketListItem } from '@/lib/tickets/list';

type Detail = ContractDetail;

/** A contract for advisor and client: its data, who created and changed it, documents, edit and delete per rights. */
export function ContractView({
  detail,
  audience,
  products,
  sparten,
  providers,
  documents,
  deadlines,
  viewerBase,
  created,
  tickets,
}: {
  detail: Detail;
  audience: 'advisor' | 'client';
  products: string[];
  sparten?: Record<string, string | null>;
  providers: { name: string; own: boolean }[];
  documents: DocumentListItem[];
  /** Insurance contracts: the open deadlines (lib/fristen). */
  deadlines?: ContractDeadline[];
  viewerBase: string;
  created?: boolean;
  /** Advisor only: KOMMUNIKATION tickets that name this contract. */
  tickets?: TicketListItem[];
}) {
  const t = useTranslations('contracts.view');
  const tk = useTranslations();
  const format = useFormatter();
  const locale = useLocale();
  const euro = (cents: number) => formatEuro(cents, isLocale(locale) ? locale : 'de');
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  // Stored dates are calendar days: shown as they are, whatever the time zone.
  const day = (iso: string | null) =>
    iso ? format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' }) : '–';
  const c = detail.contract;
  // A date known only in part (MM.JJJJ / JJJJ) is shown as such, never as the 1st.
  const term = (f: 'startDate' | 'endDate' | 'mainDueDate') => {
    const partial = c.partialDates?.[f];
    return c[f] ? day(c[f]) : partial ? t('partial', { date: showContractDate(null, partial) }) : '–';
  };
  const cfg = areaConfig[c.area];
  const item = tk(cfg.itemInSentence);
  const label = (f: ContractField) => tk(labelKeyIn(c.area, f));
  const listed = (v: string, keyOf: (v: string) => ReturnType<typeof frequencyKey>) => (keyOf(v) ? tk(keyOf(v)!) : v);
  const yearly =
    c.premiumCents !== null && c.frequency ? annualCents(c.premiumCents, c.frequency as PaymentFrequency) : null;
  const rows: [string, string][] = cfg.fields
    .filter((f) => f !== 'note' && f !== 'status')
    .map((f) => {
      if (f === 'premium') return [label('premium'), c.premiumCents === null ? '–' : euro(c.premiumCents)];
      if (f === 'frequency') return [label('frequency'), c.frequency ? listed(c.frequency, frequencyKey) : '–'];
      if (f === 'paymentMethod')
        return [label('paymentMethod'), c.paymentMethod ? listed(c.paymentMethod, methodKey) : '–'];
      if (f === 'startDate' || f === 'endDate' || f === 'mainDueDate') return [label(f), term(f)];
      if (f === 'premiumIncreaseReceivedOn' || f === 'claimSettledOn' || f === 'acquiredOn')
        return [label(f), day(c[f])];
      if (f === 'autoRenewal')
        return [label(f), t(`renewal.${c.autoRenewal == null ? 'unknown' : c.autoRenewal ? 'yes' : 'no'}`)];
      if (f === 'noticeMonths') return [label(f), c.noticeMonths == null ? '–' : String(c.noticeMonths)];
      const v = (c as Record<string, unknown>)[f];
      return [label(f), typeof v === 'string' && v ? v : '–'];
    });
  if (yearly !== null && cfg.premiums) rows.push([t('perYear'), euro(yearly)]);
  const creator = c.createdByClient
    ? audience === 'client'
      ? t('byYou')
      : t('byClient', { name: `${detail.contact.firstName} ${detail.contact.lastName}` })
    : (detail.createdByName ?? t('byAdvisor'));
  const updater = detail.updatedByName ?? '–';
  return (
    <div className="space-y-6">
      {created ? <Alert tone="success">{t('created', { item })}</Alert> : null}
      <Card>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <p className="text-xs font-semibold uppercase tracking-wider text-gray-500">{tk(cfg.label)}</p>
            <h2 className="mt-1 text-xl font-bold text-ink">
              {c.product} <ContractStatus status={c.status} />
            </h2>
            <p className="text-gray-700">{c.area === 'emergency' ? c.title : c.provider}</p>
          </div>
          {detail.mayChange ? (
            <ConfirmDelete
              action={deleteContractAction}
              id={c.id}
              label={t('delete', { item })}
              title={t('deleteTitle', { item })}
              size="md"
            >
              {c.provider
                ? t('deleteBodyProvider', { product: c.product, provider: c.provider, count: documents.length })
                : t('deleteBody', { product: c.product, count: documents.length })}
              {audience === 'client' && !c.createdByClient ? ` ${t('advisorCreated')}` : ''}
            </ConfirmDelete>
          ) : null}
        </div>
        <dl className="mt-4 grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
          {rows.map(([k, v]) => (
            <div key={k}>
              <dt className="text-xs font-semibold uppercase tracking-wider text-gray-500">{k}</dt>
              <dd className="mt-0.5 break-words text-ink">{v}</dd>
            </div>
          ))}
        </dl>
        {c.note ? (
          <p className="mt-4 whitespace-pre-line rounded-lg bg-gray-50 p-3 text-sm text-ink">{c.note}</p>
        ) : null}
        <p className="mt-4 border-t border-gray-100 pt-3 text-xs text-gray-500" data-testid="contract-meta">
          {t('meta', { creator, created: when(c.createdAt), updater, updated: when(c.updatedAt) })}
        </p>
      </Card>
      {deadlines ? <ContractDeadlines items={deadlines} audience={audience} /> : null}
      <Card>
        <h2 className="text-lg font-semibold">{t('documents')}</h2>
        <div className="mt-3">
          <DocumentList items={documents} viewerBase={viewerBase} audience={audience} emptyText={t('noDocuments')} />
        </div>
        {detail.mayAddDocument ? (
          <AddDocument
            action={createDocumentAction}
            target={{ contactId: audience === 'advisor' ? c.contactId : undefined, area: c.area, contractId: c.id }}
            defaultType={c.area === 'emergency' ? 'Sonstiges' : 'Police'}
            defaultTitle={c.area === 'emergency' ? (c.title ?? c.product) : ''}
            defaultOpen={documents.length === 0}
          />
        ) : null}
      </Card>
      {tickets && tickets.length ? (
        <Card>
          <h2 className="text-lg font-semibold">{t('tickets')}</h2>
          <div className="mt-3">
            <TicketList items={tickets} hrefOf={(id) => `/tickets/${id}`} audience="advisor" />
          </div>
        </Card>
      ) : null}
      {detail.mayChange ? (
        <Card>
          <details>
            <summary className="cursor-pointer list-none text-lg font-semibold text-primary">
              {t('edit', { item })}
            </summary>
            <div className="mt-4">
              <ContractForm
                action={updateContractAction}
                area={c.area}
                initial={contractInitial(c)}
                products={products}
                sparten={sparten}
                providers={providers}
                submitLabel={t('save')}
                savedMessage={t('saved')}
              />
            </div>
          </details>
        </Card>
      ) : null}
    </div>
  );
}
