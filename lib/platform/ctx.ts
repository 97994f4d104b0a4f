import type { Tx } from '../db/client';
import type { Locale } from '../i18n';

/**
 * The operator's context (the platform host, HTTP Basic login): no tenant and no account, so it is its own
 * type. Only lib/platform/request.ts builds it, after the operator's credentials were checked.
 */
export interface PlatformCtx {
  db: Tx;
  operator: true;
  requestId: string;
  locale: Locale;
}
