import { exportProtocolResponse } from '@/lib/protocol/http';
import { sessionCtx } from '@/lib/request/ctx';

/** PROTOKOLL as CSV with the page's filters (tenant, actor and right checked again in the verb). */
export async function GET(request: Request) {
  return exportProtocolResponse(request, await sessionCtx());
}
