import { filtersOf } from '@/lib/fristen/query';
import { exportResponse } from '@/lib/fristen/http';
import { sessionCtx } from '@/lib/request/ctx';

/** FRISTEN as CSV (the list's filters from the query string), for employees with a right in VERSICHERUNGEN. */
export async function GET(request: Request) {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return exportResponse(await sessionCtx(), filtersOf(query));
}
