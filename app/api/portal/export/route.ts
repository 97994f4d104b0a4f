import { exportResponse } from '@/lib/privacy/http';

/** The client's own DATENEXPORT (with PROFIL visible). */
export async function GET() {
  return exportResponse('self');
}
