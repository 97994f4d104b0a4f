import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { ImportUploadForm } from '@/components/import/upload-form';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { canImport } from '@/lib/access/employee';
import { listImports } from '@/lib/import/jobs';
import { sources } from '@/lib/import/registry';
import type { ImportKind } from '@/lib/import/types';
import { advisorCtx } from '@/lib/request/ctx';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('import'))('title') };
}

/** KONTAKTE → IMPORTIEREN: upload and the previous imports. */
export default async function ImportPage() {
  const ctx = await advisorCtx();
  const t = await getTranslations('import');
  if (!canImport(ctx.actor)) return <EmptyState title={t('errors.forbidden')} />;
  const jobs = await listImports(ctx);
  const format = await getFormatter();
  const kinds = (Object.keys(sources) as ImportKind[]).filter((k) => sources[k]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('intro')} />
      <ClientMessages pick={['import', 'uploads']}>
        <ImportUploadForm kinds={kinds} />
      </ClientMessages>
      <h2 className="mb-3 mt-8 text-lg font-semibold text-ink">{t('jobs.title')}</h2>
      {jobs.length === 0 ? (
        <p className="text-sm text-gray-600">{t('jobs.empty')}</p>
      ) : (
        <Table head={[t('jobs.file'), t('jobs.created'), t('jobs.state'), '']}>
          {jobs.map((j) => (
            <tr key={j.id}>
              <Td>
                <span className="font-medium text-ink">{j.fileName}</span>
              </Td>
              <Td>{format.dateTime(j.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</Td>
              <Td>{j.work ? t(`work.${j.work}`) : t(`states.${j.state}`)}</Td>
              <Td>
                <Link href={`/contacts/import/${j.id}`} className="font-semibold text-primary hover:underline">
                  {t('jobs.open')}
                </Link>
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
