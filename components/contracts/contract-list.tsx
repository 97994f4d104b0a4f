import type { ContractListItem } from '@/lib/contracts';
import { areaConfig } from '@/lib/contracts/areas';
import { annualCents, formatEuro, type PaymentFrequency } from '@/lib/contracts/premium';
import type { FolderArea } from '@/lib/contracts/areas';
import { cn } from '@/components/ui/cn';

const statusTone: Record<string, string> = {
  aktiv: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  beantragt: 'bg-sky-50 text-sky-800 ring-sky-200',
  ruhend: 'bg-amber-50 text-amber-900 ring-amber-200',
  gekündigt: 'bg-gray-100 text-gray-700 ring-gray-200',
  beendet: 'bg-gray-100 text-gray-500 ring-gray-200',
};

export function ContractStatus({ status }: { status: string | null }) {
  if (!status) return null;
  return <span className={cn('inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset', statusTone[status] ?? statusTone.gekündigt)}>{status}</span>;
}

function premiumText(c: ContractListItem): { perPayment: string; perYear: string | null } {
  if (c.frequency === 'beitragsfrei') return { perPayment: 'beitragsfrei', perYear: null };
  if (c.premiumCents === null || !c.frequency) return { perPayment: '–', perYear: null };
  const perYear = annualCents(c.premiumCents, c.frequency as PaymentFrequency);
  return { perPayment: `${formatEuro(c.premiumCents)} ${c.frequency}`, perYear: perYear ? formatEuro(perYear) : null };
}

/**
 * The contracts of one area: a table on wide screens, cards on phones. Each row names who created it
 * (advisor or client) and links to the contract.
 */
export function ContractList({ area, items, hrefOf, audience }: { area: FolderArea; items: ContractListItem[]; hrefOf: (id: string) => string; audience: 'advisor' | 'client' }) {
  const cfg = areaConfig[area];
  return (
    <>
      <ul className="grid gap-3 md:hidden" aria-label={`${cfg.label}: Liste`}>
        {items.map((c) => {
          const p = premiumText(c);
          return (
            <li key={c.id}>
              <a href={hrefOf(c.id)} className="block rounded-2xl bg-white p-4 shadow-sm ring-1 ring-black/5 active:bg-gray-50">
                <div className="flex items-start justify-between gap-2">
                  <p className="font-semibold text-ink">{c.product}</p>
                  <ContractStatus status={c.status} />
                </div>
                <p className="mt-0.5 text-sm text-gray-700">{area === 'emergency' ? c.title : c.provider}</p>
                {cfg.premiums ? <p className="mt-2 text-sm text-ink">{p.perPayment}</p> : null}
                <p className="mt-2 text-xs text-gray-500">
                  {c.number ? `Nr. ${c.number} · ` : ''}
                  {c.documentCount === 1 ? '1 Dokument' : `${c.documentCount} Dokumente`}
                  {c.createdByClient ? (audience === 'client' ? ' · von Ihnen angelegt' : ' · vom Kunden angelegt') : ''}
                </p>
              </a>
            </li>
          );
        })}
      </ul>
      <div className="hidden overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-black/5 md:block">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{cfg.label}</caption>
          <thead className="bg-gray-50 text-xs uppercase tracking-wider text-gray-500">
            <tr>
              <th scope="col" className="px-3 py-3 font-semibold">
                {cfg.productLabel}
              </th>
              <th scope="col" className="px-3 py-3 font-semibold">
                {area === 'emergency' ? 'TITEL' : cfg.providerLabel}
              </th>
              {area === 'emergency' ? null : (
                <>
                  <th scope="col" className="px-3 py-3 font-semibold">
                    Nummer
                  </th>
                  <th scope="col" className="px-3 py-3 font-semibold">
                    Status
                  </th>
                  <th scope="col" className="px-3 py-3 text-right font-semibold">
                    Beitrag
                  </th>
                  <th scope="col" className="px-3 py-3 text-right font-semibold">
                    pro Jahr
                  </th>
                </>
              )}
              <th scope="col" className="px-3 py-3 font-semibold">
                Dokumente
              </th>
              <th scope="col" className="px-3 py-3 font-semibold">
                Angelegt von
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {items.map((c) => {
              const p = premiumText(c);
              return (
                <tr key={c.id} className="hover:bg-gray-50">
                  <td className="px-3 py-3 font-medium">
                    {/* Plain links: 200 client-side Links would each be serialised and prefetched. */}
                    <a href={hrefOf(c.id)} className="text-primary hover:underline">
                      {c.product}
                    </a>
                  </td>
                  <td className="max-w-64 px-3 py-3">{area === 'emergency' ? c.title : c.provider}</td>
                  {area === 'emergency' ? null : (
                    <>
                      <td className="whitespace-nowrap px-3 py-3 font-mono text-xs">{c.number ?? '–'}</td>
                      <td className="px-3 py-3">
                        <ContractStatus status={c.status} />
                      </td>
                      <td className="whitespace-nowrap px-3 py-3 text-right">{p.perPayment}</td>
                      <td className="whitespace-nowrap px-3 py-3 text-right font-medium">{p.perYear ?? '–'}</td>
                    </>
                  )}
                  <td className="px-3 py-3">{c.documentCount}</td>
                  <td className="whitespace-nowrap px-3 py-3 text-gray-600">
                    {c.createdByClient ? <span className="rounded-full bg-secondary-soft px-2 py-0.5 text-[11px] font-semibold text-ink">Kunde</span> : (c.createdByName ?? 'Berater')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
