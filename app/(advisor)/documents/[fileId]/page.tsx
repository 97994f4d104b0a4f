import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { FileViewer } from '@/components/documents/file-viewer';
import { openFile } from '@/lib/documents/open';
import { uuidField } from '@/lib/forms/fields';
import { advisorCtx } from '@/lib/request/ctx';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('documents.viewer'))('title') };
}

export default async function AdvisorFilePage({ params }: { params: Promise<{ fileId: string }> }) {
  const ctx = await advisorCtx();
  const t = await getTranslations('documents.viewer');
  const id = uuidField.safeParse((await params).fileId);
  const file = id.success ? await openFile(ctx, { id: id.data }) : null;
  if (!file) notFound();
  const back = file.contractId
    ? `/contacts/${file.contactId}/contracts/${file.contractId}`
    : file.area === 'profile'
      ? `/contacts/${file.contactId}`
      : `/contacts/${file.contactId}/folder/${file.area}`;
  return <FileViewer file={file} backHref={back} backLabel={t('back')} />;
}
