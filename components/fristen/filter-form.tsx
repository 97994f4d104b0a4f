import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';
import type { DeadlineFilters } from '@/lib/fristen';
import { sparteOptions } from '@/lib/fristen/schemas';

const select = 'h-11 w-full rounded-lg border border-gray-300 bg-white px-3 text-sm shadow-sm';

/** Filters of the FRISTEN list (a GET form: the URL is the state, the export uses the same). */
export function DeadlineFilterForm({
  filters,
  advisors,
  insurers,
  sparteLabel,
}: {
  filters: DeadlineFilters;
  advisors: { id: string; name: string }[];
  insurers: string[];
  sparteLabel: (code: string) => string;
}) {
  const t = useTranslations('fristen.filters');
  return (
    <form
      action="/fristen"
      className="mb-4 grid gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-black/5 sm:grid-cols-4"
    >
      {filters.window !== '30' ? <input type="hidden" name="fenster" value={filters.window} /> : null}
      <label className="flex flex-col gap-1 text-xs font-semibold text-gray-700">
        {t('advisor')}
        <select name="betreuer" defaultValue={filters.advisorId ?? ''} className={select}>
          <option value="">{t('all')}</option>
          {advisors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-semibold text-gray-700">
        {t('sparte')}
        <select name="sparte" defaultValue={filters.sparte ?? ''} className={select}>
          <option value="">{t('all')}</option>
          {sparteOptions.map((code) => (
            <option key={code} value={code}>
              {code} {sparteLabel(code)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-semibold text-gray-700">
        {t('provider')}
        <select name="versicherer" defaultValue={filters.provider ?? ''} className={select}>
          <option value="">{t('all')}</option>
          {insurers.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <div className="flex flex-col justify-end gap-2">
        <label className="flex items-center gap-2 text-sm font-medium text-ink">
          <input
            type="checkbox"
            name="erledigt"
            value="1"
            defaultChecked={filters.showDone}
            className="h-5 w-5 accent-[var(--color-primary)]"
          />
          {t('showDone')}
        </label>
        <button type="submit" className={buttonClass('secondary', 'md')}>
          {t('apply')}
        </button>
      </div>
    </form>
  );
}
