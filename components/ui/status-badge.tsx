import { cn } from './cn';

const tones: Record<string, string> = {
  active: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  invited: 'bg-amber-50 text-amber-800 ring-amber-200',
  created: 'bg-sky-50 text-sky-800 ring-sky-200',
  locked: 'bg-red-50 text-red-800 ring-red-200',
  none: 'bg-gray-50 text-gray-600 ring-gray-200',
};

/** The badge's classes (also for rows rendered as plain markup). */
export function statusBadgeClass(status: string): string {
  return cn(
    'inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset',
    tones[status] ?? tones.none,
  );
}

export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <span className={statusBadgeClass(status)}>{label}</span>;
}
