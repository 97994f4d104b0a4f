import { useLocale, useTranslations } from 'next-intl';
import { ButtonLink } from '@/components/ui/button';
import { Card, EmptyState } from '@/components/ui/card';
import { FolderIcon } from '@/components/ui/icons';
import { Alert } from '@/components/ui/alert';
import { DocumentList } from '@/components/documents/document-list';
import { AddDocument } from '@/components/documents/add-document';
import type { ContractListItem } from '@/lib/contracts';
import { areaConfig, type FolderArea } from '@/lib/contracts/areas';
import { formatEuro } from '@/lib/contracts/premium';
import type { DocumentListItem } from '@/lib/documents';
import { createDocumentAction } from '@/lib/documents/actions';
import { isLocale } from '@/lib/i18n';
import { ContractList } from './contract-list';

/**
 * One area of a folder, the same for advisor and client: Beitragsübersicht, the contracts, the documents
 * kept in the area without a contract, and – with the right – VERTRAG HINZUFÜGEN and DOKUMENT HINZUFÜGEN.
 */
export function AreaView({
  area,
  audience,
  contactId,
  items,
  annualCents,
  mayAdd,
  documents,
  newHref,
  contractHref,
  viewerBase,
  deleted,
  emptyText,
}: {
  area: FolderArea;
  audience: 'advisor' | 'client';
  contactId?: string;
  items: ContractListItem[];
  annualCents: number;
  mayAdd: boolean;
  documents: DocumentListItem[];
  newHref: string;
  contractHref: (id: string) => string;
  viewerBase: string;
  deleted?: boolean;
  emptyText: string;
}) {
  const t = useTranslations('contracts.area');
  const tk = useTranslations();
  const locale = useLocale();
  const cfg = areaConfig[area];
  const item = tk(cfg.itemInSentence);
  return (
    <div className="space-y-6">
      {deleted ? <Alert tone="success">{t('deleted', { item })}</Alert> : null}
      <div className="flex flex-wrap items-end justify-between gap-3">
        {cfg.premiums ? (
          <div className="rounded-2xl bg-white px-5 py-4 shadow-sm ring-1 ring-black/5" data-testid="area-total">
            <p className="text-xs font-semibold uppercase tracking-wider text-gray-500">{t('totalTitle')}</p>
            <p className="mt-1 text-2xl font-bold text-primary">
              {formatEuro(annualCents, isLocale(locale) ? locale : 'de')}
            </p>
            <p className="text-xs text-gray-500">{t('totalHint')}</p>
          </div>
        ) : (
          <span />
        )}
        {mayAdd ? (
          <ButtonLink href={newHref} size="lg">
            + {tk(cfg.addLabel)}
          </ButtonLink>
        ) : null}
      </div>
      {items.length ? (
        <ContractList area={area} items={items} hrefOf={contractHref} audience={audience} />
      ) : (
        <EmptyState
          icon={<FolderIcon width={36} height={36} />}
          title={area === 'emergency' ? t('emptyEntries') : t('emptyContracts')}
        >
          {emptyText}
        </EmptyState>
      )}
      <Card>
        <h2 className="text-lg font-semibold">{area === 'emergency' ? t('looseDocsEntry') : t('looseDocsContract')}</h2>
        <p className="mt-1 text-sm text-gray-600">{t('looseDocsHint', { item })}</p>
        <div className="mt-3">
          <DocumentList items={documents} viewerBase={viewerBase} audience={audience} emptyText={t('noDocuments')} />
        </div>
        {mayAdd ? (
          <AddDocument
            action={createDocumentAction}
            target={{ contactId, area }}
            defaultOpen={audience === 'client' && documents.length === 0 && items.length === 0}
          />
        ) : null}
      </Card>
    </div>
  );
}
