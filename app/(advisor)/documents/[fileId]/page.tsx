import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { FileViewer } from '@/components/documents/file-viewer';
import { requireAdvisor } from '@/lib/auth/current';
import { fileFor } from '@/lib/contracts/read';
import { uuidField } from '@/lib/forms/fields';

export const metadata: Metadata = { title: 'Dokument' };

export default async function AdvisorFilePage({ params }: { params: Promise<{ fileId: string }> }) {
  const { tenant, user } = await requireAdvisor();
  const id = uuidField.safeParse((await params).fileId);
  const file = id.success ? await fileFor(tenant.id, user, id.data) : null;
  if (!file) notFound();
  const back = file.contractId ? `/contacts/${file.contactId}/contracts/${file.contractId}` : file.area === 'profile' ? `/contacts/${file.contactId}` : `/contacts/${file.contactId}/folder/${file.area}`;
  return <FileViewer file={file} backHref={back} backLabel="Zurück" />;
}
