import type { ReactNode } from 'react';
import { TenantMark } from '../ui/tenant-mark';

/** The branded frame of the public pages (activation, reset). */
export function PublicCard({
  tenantName,
  logoUrl,
  title,
  intro,
  children,
}: {
  tenantName: string;
  logoUrl?: string | null;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="min-h-dvh bg-primary/5">
      <header className="bg-primary px-5 py-4 text-on-primary">
        <div className="mx-auto flex max-w-md items-center gap-3">
          <TenantMark name={tenantName} size="sm" logoUrl={logoUrl} className="bg-white/15 ring-1 ring-white/30" />
          <span className="font-semibold">{tenantName}</span>
        </div>
      </header>
      <main className="mx-auto max-w-md px-5 py-8">
        <div className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-black/5">
          <h1 className="text-2xl font-bold text-ink">{title}</h1>
          {intro ? <div className="mt-2 text-sm leading-relaxed text-gray-600">{intro}</div> : null}
          <div className="mt-6">{children}</div>
        </div>
      </main>
    </div>
  );
}
