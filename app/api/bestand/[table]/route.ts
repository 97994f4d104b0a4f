import { portfolioCsvResponse } from '@/lib/bestand/http';
import { sessionCtx } from '@/lib/request/ctx';

/** CSV export of one BESTAND table (products, providers, advisors, months, accounts, origin). */
export async function GET(_request: Request, { params }: { params: Promise<{ table: string }> }) {
  return portfolioCsvResponse(await sessionCtx(), (await params).table);
}
