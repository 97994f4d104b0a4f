import { getTranslations } from 'next-intl/server';
import type { PersonOption } from '@/lib/protocol/people';
import type { ProtocolFilter } from '@/lib/protocol/schemas';
import { buttonClass } from '../ui/button';
import { Field } from '../ui/field';
import { SelectField } from '../ui/form-controls';

/** The filters of PROTOKOLL: a plain GET form, so every filtered view is a URL (and its CSV export too). */
export async function ProtocolFilters({
  filter,
  people,
  kinds,
  contactName,
  invalid,
}: {
  filter: ProtocolFilter;
  people: PersonOption[];
  kinds: { value: string; label: string }[];
  contactName: string | null;
  invalid: string[];
}) {
  const t = await getTranslations('protocol');
  const error = (key: string) => (invalid.includes(key) ? t(`errors.${key as 'date'}`) : undefined);
  const query = new URLSearchParams(
    Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'cursor'),
  ).toString();
  return (
    <form method="get" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5" aria-label={t('filters.label')}>
      <SelectField
        label={t('filters.person')}
        name="person"
        defaultValue={filter.person ?? ''}
        placeholder={t('filters.anyone')}
        options={people.map((p) => ({ value: p.id, label: p.name }))}
        error={error('person')}
      />
      <Field
        label={t('filters.contact')}
        name="contact"
        defaultValue={contactName ?? filter.contact ?? ''}
        placeholder={t('filters.contactPlaceholder')}
        autoComplete="off"
      />
      <SelectField
        label={t('filters.kind')}
        name="kind"
        defaultValue={filter.kind ?? ''}
        placeholder={t('filters.anyKind')}
        options={kinds}
        error={error('kind')}
      />
      <Field label={t('filters.from')} name="from" type="date" defaultValue={filter.from ?? ''} error={error('from')} />
      <Field label={t('filters.to')} name="to" type="date" defaultValue={filter.to ?? ''} error={error('to')} />
      <div className="flex flex-wrap gap-3 sm:col-span-2 lg:col-span-5">
        <button type="submit" className={buttonClass('primary')}>
          {t('filters.apply')}
        </button>
        <a href="/settings/protokoll" className={buttonClass('ghost')}>
          {t('filters.reset')}
        </a>
        <a href={`/api/protocol/export${query ? `?${query}` : ''}`} className={buttonClass('secondary')} download>
          {t('filters.csv')}
        </a>
      </div>
    </form>
  );
}
