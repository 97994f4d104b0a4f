import 'server-only';
import { getLocale } from 'next-intl/server';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { db } from '../db/client';
import { env } from '../env';
import { isLocale, defaultLocale } from '../i18n';
import { requestId } from '../request/ctx';
import { matchHost } from '../tenant/host';
import { requestHost } from '../tenant/request';
import { checkPlatformAuth } from './auth';
import type { PlatformCtx } from './ctx';

/**
 * The operator area's loader: only on the root domain and only with the operator's credentials (404
 * otherwise, the area does not exist for anyone else). proxy.ts asks first and counts failed attempts;
 * this checks again, so no page of the area depends on the proxy alone.
 */
export const platformCtx = cache(async (): Promise<PlatformCtx> => {
  const h = await headers();
  const e = env();
  if (matchHost(requestHost(h), e.APP_ROOT_DOMAIN).kind !== 'platform') notFound();
  if (!checkPlatformAuth(h.get('authorization'), e.PLATFORM_ADMIN_PASSWORD)) notFound();
  const locale = await getLocale();
  return { db: db(), operator: true, requestId: await requestId(), locale: isLocale(locale) ? locale : defaultLocale };
});
