import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { DocumentList } from '@/components/documents/document-list';
import { AddDocument } from '@/components/documents/add-document';
import type { getContract } from '@/lib/contracts';
import { createDocumentAction, deleteContractAction, updateContractAction } from '@/lib/contracts/actions';
import { areaConfig, contractInitial, labelIn } from '@/lib/contracts/areas';
import { annualCents, formatEuro, type PaymentFrequency } from '@/lib/contracts/premium';
import type { DocumentListItem } from '@/lib/documents';
import { ConfirmDelete } from './confirm-delete';
import { ContractForm } from './contract-form';
import { ContractStatus } from './contract-list';
import { TicketList } from '@/components/tickets/ticket-list';
import type { TicketListItem } from '@/lib/tickets/list';

type Detail = Awaited<ReturnType<typeof getContract>>;
const when = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });
const day = (iso: string | null) => (iso ? new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`)) : '–');

/** A contract for advisor and client: its data, who created and changed it, documents, edit and delete per rights. */
export function ContractView({
  detail,
  audience,
  products,
  providers,
  documents,
  viewerBase,
  created,
  tickets,
}: {
  detail: Detail;
  audience: 'advisor' | 'client';
  products: string[];
  providers: { name: string; own: boolean }[];
  documents: DocumentListItem[];
  viewerBase: string;
  created?: boolean;
  /** Advisor only: KOMMUNIKATION tickets that name this contract. */
  tickets?: TicketListItem[];
}) {
  const c = detail.contract;
  const cfg = areaConfig[c.area];
  const label = (f: Parameters<typeof labelIn>[1]) => labelIn(c.area, f);
  const yearly = c.premiumCents !== null && c.frequency ? annualCents(c.premiumCents, c.frequency as PaymentFrequency) : null;
  const rows: [string, string][] = cfg.fields
    .filter((f) => f !== 'note' && f !== 'status')
    .map((f) => {
      if (f === 'premium') return [label('premium'), c.premiumCents === null ? '–' : formatEuro(c.premiumCents)];
      if (f === 'startDate') return [label('startDate'), day(c.startDate)];
      if (f === 'endDate') return [label('endDate'), day(c.endDate)];
      const v = (c as Record<string, unknown>)[f];
      return [label(f), typeof v === 'string' && v ? v : '–'];
    });
  if (yearly !== null && cfg.premiums) rows.push(['Beitrag pro Jahr', formatEuro(yearly)]);
  const creator = c.createdByClient ? (audience === 'client' ? 'Ihnen' : `${detail.contact.firstName} ${detail.contact.lastName} (Kunde)`) : (detail.createdByName ?? 'Ihrem Berater');
  const updater = detail.updatedByName ?? '–';
  return (
    <div className="space-y-6">
      {created ? <Alert tone="success">Der {cfg.itemLabel} ist angelegt. Sie können jetzt Dokumente hinzufügen.</Alert> : null}
      <Card>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <p className="text-xs font-semibold uppercase tracking-wider text-gray-500">{cfg.label}</p>
            <h2 className="mt-1 text-xl font-bold text-ink">
              {c.product} <ContractStatus status={c.status} />
            </h2>
            <p className="text-gray-700">{c.area === 'emergency' ? c.title : c.provider}</p>
          </div>
          {detail.mayChange ? (
            <ConfirmDelete action={deleteContractAction} id={c.id} label={`${cfg.itemLabel} löschen`} title={`${cfg.itemLabel} löschen?`} size="md">
              {c.product}
              {c.provider ? ` bei ${c.provider}` : ''} wird {documents.length === 0 ? '' : documents.length === 1 ? 'mit seinem Dokument ' : `mit allen ${documents.length} Dokumenten `}endgültig gelöscht.
              {audience === 'client' && !c.createdByClient ? ' Diesen Eintrag hat Ihr Berater angelegt.' : ''}
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
        {c.note ? <p className="mt-4 whitespace-pre-line rounded-lg bg-gray-50 p-3 text-sm text-ink">{c.note}</p> : null}
        <p className="mt-4 border-t border-gray-100 pt-3 text-xs text-gray-500" data-testid="contract-meta">
          Angelegt von {creator} am {when.format(c.createdAt)} · zuletzt geändert von {updater} am {when.format(c.updatedAt)}
        </p>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">Dokumente</h2>
        <div className="mt-3">
          <DocumentList items={documents} viewerBase={viewerBase} audience={audience} emptyText="Zu diesem Vertrag gibt es noch keine Dokumente." />
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
          <h2 className="text-lg font-semibold">Nachrichten zu diesem Vertrag</h2>
          <div className="mt-3">
            <TicketList items={tickets} hrefOf={(id) => `/tickets/${id}`} audience="advisor" />
          </div>
        </Card>
      ) : null}
      {detail.mayChange ? (
        <Card>
          <details>
            <summary className="cursor-pointer list-none text-lg font-semibold text-primary">{cfg.itemLabel} bearbeiten</summary>
            <div className="mt-4">
              <ContractForm action={updateContractAction} area={c.area} initial={contractInitial(c)} products={products} providers={providers} submitLabel="SPEICHERN" savedMessage="Die Änderungen sind gespeichert." />
            </div>
          </details>
        </Card>
      ) : null}
    </div>
  );
}
