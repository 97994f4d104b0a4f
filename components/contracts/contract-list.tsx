import type { ContractListItem } from '@/lib/contracts';
import { areaConfig, type FolderArea } from '@/lib/contracts/areas';
import { annualCents, formatEuro, type PaymentFrequency } from '@/lib/contracts/premium';

export function ContractStatus({ status }: { status: string | null }) {
  if (!status) return null;
  return <span className={`cstatus cstatus-${status}`}>{status}</span>;
}

function premiumText(c: ContractListItem): { perPayment: string; perYear: string | null } {
  if (c.frequency === 'beitragsfrei') return { perPayment: 'beitragsfrei', perYear: null };
  if (c.premiumCents === null || !c.frequency) return { perPayment: '–', perYear: null };
  const perYear = annualCents(c.premiumCents, c.frequency as PaymentFrequency);
  return { perPayment: `${formatEuro(c.premiumCents)} ${c.frequency}`, perYear: perYear ? formatEuro(perYear) : null };
}

/**
 * The contracts of one area: one markup that is a card on phones and a grid row on wide screens (see
 * .clist in globals.css), plain links (hundreds of client-side Links would each be serialised). Each row
 * names who created it (advisor or client).
 */
export function ContractList({ area, items, hrefOf, audience }: { area: FolderArea; items: ContractListItem[]; hrefOf: (id: string) => string; audience: 'advisor' | 'client' }) {
  const cfg = areaConfig[area];
  const emergency = area === 'emergency';
  const byClient = audience === 'client' ? 'Ihnen' : 'Kunde';
  return (
    <div className={emergency ? 'clist clist-emergency' : 'clist'} role="table" aria-label={cfg.label}>
      <div className="clist-head" role="row">
        <span role="columnheader">{cfg.productLabel}</span>
        <span role="columnheader">{emergency ? 'TITEL' : cfg.providerLabel}</span>
        {emergency ? null : (
          <>
            <span role="columnheader">Nummer</span>
            <span role="columnheader">Status</span>
            <span role="columnheader" className="text-right">
              Beitrag
            </span>
            <span role="columnheader" className="text-right">
              pro Jahr
            </span>
          </>
        )}
        <span role="columnheader">Dok.</span>
        <span role="columnheader">Angelegt von</span>
      </div>
      {items.map((c) => {
        const p = premiumText(c);
        return (
          <div key={c.id} className="crow" role="row">
            <span className="crow-product" role="cell">
              {/* The link covers the whole row (::after), so the row stays a table row for assistive tech. */}
              <a href={hrefOf(c.id)} className="crow-link">
                {c.product}
              </a>
            </span>
            <span className="crow-muted" role="cell">
              {emergency ? c.title : c.provider}
            </span>
            {emergency ? null : (
              <>
                <span className="crow-meta font-mono" role="cell">
                  {c.number ? (
                    <>
                      <span className="md:hidden">Nr. </span>
                      {c.number}
                    </>
                  ) : (
                    '–'
                  )}
                </span>
                {/* On phones the status sits top right of the card. */}
                <span className="crow-status" role="cell">
                  <ContractStatus status={c.status} />
                </span>
                <span className="crow-meta md:text-right" role="cell">
                  {p.perPayment}
                </span>
                <span className="hidden text-right font-medium md:block md:order-none" role="cell">
                  {p.perYear ?? '–'}
                </span>
              </>
            )}
            <span className="crow-meta" role="cell">
              {c.documentCount}
              <span className="md:hidden">{c.documentCount === 1 ? ' Dokument' : ' Dokumente'}</span>
            </span>
            <span className="crow-meta" role="cell">
              <span className="md:hidden">angelegt von </span>
              {c.createdByClient ? byClient : (c.createdByName ?? 'Berater')}
            </span>
          </div>
        );
      })}
    </div>
  );
}
