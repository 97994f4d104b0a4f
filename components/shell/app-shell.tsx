import type { ReactNode } from 'react';
import { logoutAction } from '@/lib/auth/actions';
import { Badge } from '../ui/card';
import { LogoutIcon } from '../ui/icons';
import { TenantMark } from '../ui/tenant-mark';
import { LiveBadge } from './live-badge';
import { MoreMenu } from './more-menu';
import { NavLink } from './nav-link';

export interface NavItem {
  href: string;
  label: string;
  icon: ReactNode;
  /** Count shown as a badge (e.g. unread messages); hidden when 0. */
  badge?: number;
  badgeLabel?: string;
  /** The badge refreshes itself (unread messages, every 30 s). */
  live?: boolean;
  /** Shown but not yet reachable (an area that is still being built). */
  disabledHint?: string;
}

/**
 * The signed-in frame for both areas: a sidebar on desktop; a top bar and a bottom navigation on phones.
 */
export function AppShell({
  tenantName,
  logoUrl,
  areaName,
  userName,
  userRole,
  nav,
  logoutLabel,
  skipLabel,
  moreLabel,
  children,
}: {
  tenantName: string;
  logoUrl?: string | null;
  areaName: string;
  userName: string;
  userRole?: string;
  nav: NavItem[];
  logoutLabel: string;
  skipLabel: string;
  /** The bottom bar's last slot when there are more than five entries. */
  moreLabel: string;
  children: ReactNode;
}) {
  const reachable = nav.filter((item) => !item.disabledHint);
  // Phones: five slots; with more entries the fifth becomes "Mehr" with the rest.
  const bar = reachable.length > 5 ? reachable.slice(0, 4) : reachable;
  const more = reachable.length > 5 ? reachable.slice(4) : [];
  const badge = (item: NavItem) =>
    item.live ? (
      <LiveBadge initial={item.badge ?? 0} label={item.badgeLabel} />
    ) : item.badge ? (
      <Badge tone="secondary" label={item.badgeLabel}>
        {item.badge > 99 ? '99+' : item.badge}
      </Badge>
    ) : null;
  return (
    <div className="min-h-dvh lg:flex">
      <a
        href="#inhalt"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-lg focus:bg-white focus:px-4 focus:py-2"
      >
        {skipLabel}
      </a>
      <aside className="hidden w-72 shrink-0 flex-col border-r border-gray-200 bg-white lg:sticky lg:top-0 lg:flex lg:h-dvh">
        {logoUrl ? (
          <div className="border-b border-gray-100 px-5 py-4">
            <TenantMark name={tenantName} logoUrl={logoUrl} />
            <p className="mt-2 text-xs text-gray-500">
              <span className="sr-only">{tenantName} · </span>
              {areaName}
            </p>
          </div>
        ) : (
          <div className="flex items-center gap-3 border-b border-gray-100 px-5 py-5">
            <TenantMark name={tenantName} />
            <div className="min-w-0">
              <p className="truncate font-bold text-ink">{tenantName}</p>
              <p className="text-xs text-gray-500">{areaName}</p>
            </div>
          </div>
        )}
        <nav aria-label={areaName} className="flex flex-1 flex-col gap-1 p-3">
          {nav.map((item) =>
            item.disabledHint ? (
              <span
                key={item.href}
                aria-disabled="true"
                className="flex items-center gap-3 rounded-lg px-3 py-2.5 text-sm font-semibold tracking-wide text-gray-400"
              >
                {item.icon}
                <span className="flex-1">{item.label}</span>
                <span className="whitespace-nowrap rounded-full bg-gray-100 px-2 py-0.5 text-[10px] font-semibold normal-case tracking-normal text-gray-500">
                  {item.disabledHint}
                </span>
              </span>
            ) : (
              <NavLink key={item.href} href={item.href} variant="side" exact={item.href === nav[0]?.href}>
                {item.icon}
                <span className="flex-1">{item.label}</span>
                {badge(item)}
              </NavLink>
            ),
          )}
        </nav>
        <div className="border-t border-gray-100 p-4">
          <p className="truncate text-sm font-semibold text-ink">{userName}</p>
          {userRole ? <p className="text-xs text-gray-500">{userRole}</p> : null}
          <form action={logoutAction} className="mt-3">
            <button
              type="submit"
              className="flex w-full items-center gap-2 rounded-lg px-3 py-2 text-sm font-medium text-gray-600 hover:bg-gray-100"
            >
              <LogoutIcon width={18} height={18} /> {logoutLabel}
            </button>
          </form>
        </div>
      </aside>

      <header className="sticky top-0 z-20 flex items-center justify-between gap-3 border-b border-gray-200 bg-white/95 px-4 py-3 backdrop-blur lg:hidden">
        <div className="flex min-w-0 items-center gap-2.5">
          <TenantMark name={tenantName} size="sm" logoUrl={logoUrl} />
          <p className={logoUrl ? 'sr-only' : 'truncate font-bold text-ink'}>{tenantName}</p>
        </div>
        <form action={logoutAction}>
          <button
            type="submit"
            className="flex h-10 items-center gap-1.5 rounded-lg px-2.5 text-sm font-medium text-gray-600 hover:bg-gray-100"
          >
            <LogoutIcon width={18} height={18} />
            <span className="sr-only sm:not-sr-only">{logoutLabel}</span>
          </button>
        </form>
      </header>

      <main id="inhalt" className="min-w-0 flex-1 px-4 pb-28 pt-6 sm:px-6 lg:px-10 lg:pb-12 lg:pt-10">
        <div className="mx-auto max-w-6xl">{children}</div>
      </main>

      {reachable.length > 1 ? (
        <nav
          aria-label={areaName}
          className="fixed inset-x-0 bottom-0 z-20 flex border-t border-gray-200 bg-white pb-[env(safe-area-inset-bottom)] lg:hidden"
        >
          {bar.map((item) => (
            <NavLink key={item.href} href={item.href} variant="bottom" exact={item.href === nav[0]?.href}>
              <span className="relative">
                {item.icon}
                {item.live ? (
                  <LiveBadge initial={item.badge ?? 0} floating />
                ) : item.badge ? (
                  <span className="absolute -right-2.5 -top-1.5" aria-hidden="true">
                    {badge(item)}
                  </span>
                ) : null}
              </span>
              <span className="max-w-full truncate">{item.label}</span>
            </NavLink>
          ))}
          {more.length ? (
            <MoreMenu label={moreLabel} items={more.map(({ href, label, icon }) => ({ href, label, icon }))} />
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
