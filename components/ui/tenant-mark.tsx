import { useTranslations } from 'next-intl';
import { cn } from './cn';

/** The tenant's sign: its logo once uploaded (WHITELABEL), until then its initials in the main colour. */
export function TenantMark({
  name,
  size = 'md',
  className,
  logoUrl,
}: {
  name: string;
  size?: 'sm' | 'md' | 'lg';
  className?: string;
  logoUrl?: string | null;
}) {
  const t = useTranslations('common');
  if (logoUrl) {
    const heights = { sm: 'h-9', md: 'h-11', lg: 'h-14' };
    return (
      <span
        className={cn(
          'inline-flex shrink-0 items-center rounded-xl bg-white px-2 py-1 ring-1 ring-black/5',
          heights[size],
        )}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- the tenant's own logo route, already sized on upload */}
        <img src={logoUrl} alt={t('logoAlt', { tenant: name })} className="h-full max-w-40 object-contain" />
      </span>
    );
  }
  const initials = name
    .replace(/\b(GmbH|AG|KG|OHG|UG|e\.K\.|mbH|&|Co\.?)\b/gi, '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
  const sizes = { sm: 'h-9 w-9 text-sm', md: 'h-11 w-11 text-base', lg: 'h-14 w-14 text-xl' };
  return (
    <span
      aria-hidden="true"
      className={cn(
        'inline-flex shrink-0 items-center justify-center rounded-xl bg-primary font-bold text-on-primary',
        sizes[size],
        className,
      )}
    >
      {initials || 'M'}
    </span>
  );
}
