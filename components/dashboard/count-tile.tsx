import Link from 'next/link';
import { useFormatter } from 'next-intl';
import type { ReactNode } from 'react';
import { cappedLabel } from '@/lib/dashboard/counts';

/**
 * A start-page tile: a count and where it leads ("12 Offene Tickets" → /tickets). Counts arrive capped
 * (lib/dashboard/counts.ts): 100 or more reads "99+". Other features add their own tiles with
 * { label, count, href } – nothing else to know.
 */
export function CountTile({
  label,
  count,
  href,
  hint,
  icon,
}: {
  label: string;
  count: number;
  href: string;
  hint?: string;
  icon?: ReactNode;
}) {
  const format = useFormatter();
  return (
    <Link
      href={href}
      data-tile={href}
      className="group flex items-center gap-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-black/5 transition hover:-translate-y-0.5 hover:shadow-md hover:ring-primary/30"
    >
      {icon ? (
        <span className="flex h-12 w-12 shrink-0 items-center justify-center rounded-xl bg-primary-soft text-primary">
          {icon}
        </span>
      ) : null}
      <span className="min-w-0">
        <span className="block text-3xl font-bold text-primary tabular-nums">
          {cappedLabel(count, (n) => format.number(n))}
        </span>
        <span className="block font-semibold text-ink group-hover:underline">{label}</span>
        {hint ? <span className="block text-xs text-gray-600">{hint}</span> : null}
      </span>
    </Link>
  );
}
