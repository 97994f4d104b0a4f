import { exportResponse } from '@/lib/privacy/http';
import { sessionCtx } from '@/lib/request/ctx';

/** DATENEXPORT of a contact (ZIP: daten.json and the files), for employees allowed to export. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return exportResponse(await sessionCtx(), (await params).id);
}
