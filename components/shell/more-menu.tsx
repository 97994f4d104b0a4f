'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { MoreIcon } from '../ui/icons';
import { cn } from '../ui/cn';

export interface MoreItem {
  href: string;
  label: string;
  icon: ReactNode;
}

/**
 * The last slot of the phone's bottom bar when the area has more than five entries: a disclosure with the
 * remaining entries (BENUTZER, EINSTELLUNGEN, HILFE, Mein Zugang …). Native <details>, so it opens by
 * keyboard and screen readers announce it; Escape and a navigation close it.
 */
export function MoreMenu({ label, items }: { label: string; items: MoreItem[] }) {
  const pathname = usePathname();
  const ref = useRef<HTMLDetailsElement>(null);
  const active = items.some((item) => pathname === item.href || pathname.startsWith(`${item.href}/`));
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);
  const onKeyDown = (event: KeyboardEvent<HTMLDetailsElement>) => {
    if (event.key !== 'Escape' || !ref.current?.open) return;
    ref.current.open = false;
    ref.current.querySelector('summary')?.focus();
  };
  return (
    <details ref={ref} onKeyDown={onKeyDown} className="group flex flex-1">
      <summary
        className={cn(
          'flex flex-1 cursor-pointer list-none flex-col items-center gap-0.5 px-1 py-2 text-[11px] font-semibold tracking-wide [&::-webkit-details-marker]:hidden',
          active ? 'text-primary' : 'text-gray-500',
        )}
      >
        <MoreIcon />
        <span className="max-w-full truncate">{label}</span>
      </summary>
      <ul className="fixed bottom-[calc(4.25rem+env(safe-area-inset-bottom))] right-2 z-30 w-60 rounded-xl border border-gray-200 bg-white p-1.5 shadow-lg">
        {items.map((item) => {
          const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                className={cn(
                  'flex min-h-11 items-center gap-3 rounded-lg px-3 text-sm font-semibold tracking-wide',
                  current ? 'bg-primary text-on-primary' : 'text-ink/80 hover:bg-primary-soft',
                )}
              >
                {item.icon}
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
