import type { ReactNode } from 'react';
import { platformCtx } from '@/lib/platform/request';

/** The operator area exists only on the root domain and only with the operator's credentials. */
export default async function PlatformLayout({ children }: { children: ReactNode }) {
  await platformCtx();
  return <div className="min-h-dvh bg-gray-50">{children}</div>;
}
