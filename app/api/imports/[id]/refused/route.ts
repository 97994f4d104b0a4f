import { refusedCsvResponse } from '@/lib/import/refused-csv';
import { sessionCtx } from '@/lib/request/ctx';

/** The refused rows of an import as CSV (employees who may see the job). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return refusedCsvResponse(await sessionCtx(), (await params).id);
}
