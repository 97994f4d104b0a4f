import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { FileViewer } from '@/components/documents/file-viewer';
import { requireClient } from '@/lib/auth/current';
import { fileFor } from '@/lib/contracts/read';
import { uuidField } from '@/lib/forms/fields';

export const metadata: Metadata = { title: 'Dokument' };

export default async function ClientFilePage({ params }: { params: Promise<{ fileId: string }> }) {
  const { tenant, user } = await requireClient();
  const id = uuidField.safeParse((await params).fileId);
  const file = id.success ? await fileFor(tenant.id, user, id.data) : null;
  if (!file) notFound();
  const back = file.contractId ? `/portal/contracts/${file.contractId}` : file.area === 'profile' ? '/portal/profile' : `/portal/folder/${file.area}`;
  return <FileViewer file={file} backHref={back} backLabel="Zurück" />;
}
