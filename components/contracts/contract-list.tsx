import { useLocale, useTranslations } from 'next-intl';
import type { ContractListItem } from '@/lib/contracts';
import { areaConfig, type FolderArea } from '@/lib/contracts/areas';
import { annualCents, formatEuro, frequencyKey, statusKey, type PaymentFrequency } from '@/lib/contracts/premium';
import { isLocale } from '@/lib/i18n';

export function ContractStatus({ status }: { status: string | null }) {
  const tk = useTranslations();
  if (!status) return null;
  const key = statusKey(status);
  return <span className={`cstatus cstatus-${status}`}>{key ? tk(key) : status}</span>;
}

/**
 * The contracts of one area: one markup that is a card on phones and a grid row on wide screens (see
 * .clist in globals.css), plain links (hundreds of client-side Links would each be serialised). Each row
 * names who created it (advisor or client).
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
  const t = useTranslations('contracts.list');
  const tk = useTranslations();
  const locale = useLocale();
  const euro = (cents: number) => formatEuro(cents, isLocale(locale) ? locale : 'de');
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
  return (
    <div className={emergency ? 'clist clist-emergency' : 'clist'} role="table" aria-label={tk(cfg.label)}>
      <div className="clist-head" role="row">
        <span role="columnheader">{tk(cfg.productLabel)}</span>
        <span role="columnheader">
          {emergency || !cfg.providerLabel ? tk('contracts.fields.title') : tk(cfg.providerLabel)}
        </span>
        {emergency ? null : (
          <>
            <span role="columnheader">{t('number')}</span>
            <span role="columnheader">{t('status')}</span>
            <span role="columnheader" className="text-right">
              {t('premium')}
            </span>
            <span role="columnheader" className="text-right">
              {t('perYear')}
            </span>
          </>
        )}
        <span role="columnheader">{t('documentsShort')}</span>
        <span role="columnheader">{t('createdBy')}</span>
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
                      <span className="md:hidden">{t('numberShort')} </span>
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
              <span className="md:hidden"> {t('documents', { count: c.documentCount })}</span>
            </span>
            <span className="crow-meta" role="cell">
              <span className="md:hidden">{t('createdByLower')} </span>
              {c.createdByClient ? byClient : (c.createdByName ?? t('advisor'))}
            </span>
          </div>
        );
      })}
    </div>
  );
}
