import type { ReactNode } from 'react';
import { cn } from './cn';

export function Card({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <section className={cn('rounded-2xl bg-white p-5 shadow-sm ring-1 ring-black/5 sm:p-6', className)}>
      {children}
    </section>
  );
}

export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-ink sm:text-3xl">{title}</h1>
        {subtitle ? <p className="mt-1 text-sm text-gray-600 sm:text-base">{subtitle}</p> : null}
      </div>
      {actions ? <div className="flex gap-2">{actions}</div> : null}
    </header>
  );
}

export function Badge({
  children,
  tone = 'primary',
  label,
}: {
  children: ReactNode;
  tone?: 'primary' | 'secondary' | 'gray';
  label?: string;
}) {
  const tones = {
    primary: 'bg-primary text-on-primary',
    secondary: 'bg-secondary text-on-secondary',
    gray: 'bg-gray-100 text-gray-700',
  };
  return (
    <span
      aria-label={label}
      className={cn(
        'inline-flex min-w-6 items-center justify-center rounded-full px-2 py-0.5 text-xs font-bold',
        tones[tone],
      )}
    >
      {children}
    </span>
  );
}

/** `page`: the empty state is the whole page (no PageHeader above it), so its title is the page's h1. */
export function EmptyState({
  icon,
  title,
  children,
  page,
}: {
  icon?: ReactNode;
  title: string;
  children?: ReactNode;
  page?: boolean;
}) {
  const Heading = page ? 'h1' : 'h2';
  return (
    <div className="flex flex-col items-center rounded-2xl border border-dashed border-gray-300 bg-white px-6 py-12 text-center">
      {icon ? <div className="mb-4 text-primary">{icon}</div> : null}
      <Heading className="text-lg font-semibold text-ink">{title}</Heading>
      {children ? <div className="mt-2 max-w-md text-sm leading-relaxed text-gray-600">{children}</div> : null}
    </div>
  );
}
