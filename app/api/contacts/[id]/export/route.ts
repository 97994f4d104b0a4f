import { uuidField } from '@/lib/forms/fields';
import { exportResponse } from '@/lib/privacy/http';

/** DATENEXPORT of a contact (ZIP: daten.json and the files), for employees allowed to export. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = uuidField.safeParse((await params).id);
  if (!id.success) return new Response('Nicht gefunden', { status: 404 });
  return exportResponse(id.data);
}
