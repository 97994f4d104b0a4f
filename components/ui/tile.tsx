import Link from 'next/link';
import type { ReactNode } from 'react';
import { cn } from './cn';

/** A start-page tile (the handbook's "Kachel") with its ÖFFNEN action. */
export function Tile({
  href,
  icon,
  title,
  description,
  actionLabel,
  badge,
  disabled,
  disabledLabel,
}: {
  href: string;
  icon: ReactNode;
  title: string;
  description?: string;
  actionLabel: string;
  badge?: ReactNode;
  disabled?: boolean;
  disabledLabel?: string;
}) {
  const body = (
    <>
      <div className="flex items-start justify-between gap-3">
        <span className="flex h-12 w-12 items-center justify-center rounded-xl bg-primary-soft text-primary">
          {icon}
        </span>
        {badge}
      </div>
      <h2 className="mt-4 text-lg font-bold tracking-wide text-ink">{title}</h2>
      {description ? (
        <p className="mt-1 flex-1 text-sm leading-relaxed text-gray-600">{description}</p>
      ) : (
        <div className="flex-1" />
      )}
      <span
        className={cn(
          'mt-5 inline-flex h-10 items-center justify-center self-start rounded-lg px-4 text-sm font-semibold tracking-wider',
          disabled ? 'bg-gray-100 text-gray-500' : 'bg-primary text-on-primary group-hover:bg-primary-strong',
        )}
      >
        {disabled ? disabledLabel : actionLabel}
      </span>
    </>
  );
  const shell = 'group flex min-h-52 flex-col rounded-2xl bg-white p-5 shadow-sm ring-1 ring-black/5 transition';
  if (disabled)
    return (
      <div className={cn(shell, 'opacity-80')} aria-disabled="true">
        {body}
      </div>
    );
  return (
    <Link href={href} className={cn(shell, 'hover:-translate-y-0.5 hover:shadow-md hover:ring-primary/30')}>
      {body}
    </Link>
  );
}
