import { exportResponse } from '@/lib/privacy/http';
import { sessionCtx } from '@/lib/request/ctx';

/** The client's own DATENEXPORT (with PROFIL visible; what the client may see, see lib/access/privacy.ts). */
export async function GET() {
  return exportResponse(await sessionCtx(), 'self');
}
