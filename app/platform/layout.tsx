import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { env } from '@/lib/env';
import { checkPlatformAuth } from '@/lib/platform/auth';
import { matchHost } from '@/lib/tenant/host';
import { requestHost } from '@/lib/tenant/request';

/** The operator area exists only on the root domain and only with the operator's credentials. */
export default async function PlatformLayout({ children }: { children: ReactNode }) {
  const h = await headers();
  const e = env();
  if (matchHost(requestHost(h), e.APP_ROOT_DOMAIN).kind !== 'platform') notFound();
  if (!checkPlatformAuth(h.get('authorization'), e.PLATFORM_ADMIN_PASSWORD)) notFound();
  return <div className="min-h-dvh bg-gray-50">{children}</div>;
}
