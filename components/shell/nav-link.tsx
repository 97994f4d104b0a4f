'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { cn } from '../ui/cn';

export function NavLink({
  href,
  children,
  variant,
  exact,
}: {
  href: string;
  children: ReactNode;
  variant: 'side' | 'bottom';
  exact?: boolean;
}) {
  const pathname = usePathname();
  const active = pathname === href || (!exact && pathname.startsWith(`${href}/`));
  return (
    <Link
      href={href}
      aria-current={active ? 'page' : undefined}
      className={cn(
        variant === 'side'
          ? 'flex items-center gap-3 rounded-lg px-3 py-2.5 text-sm font-semibold tracking-wide transition-colors'
          : 'flex flex-1 flex-col items-center gap-0.5 px-1 py-2 text-[11px] font-semibold tracking-wide',
        variant === 'side' &&
          (active ? 'bg-primary text-on-primary' : 'text-ink/75 hover:bg-primary-soft hover:text-ink'),
        variant === 'bottom' && (active ? 'text-primary' : 'text-gray-500'),
      )}
    >
      {children}
    </Link>
  );
}
