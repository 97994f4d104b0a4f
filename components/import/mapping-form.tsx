'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { startCheckAction } from '@/lib/import/actions';
import { contactFields } from '@/lib/import/contacts/fields';

/** Spalten zuordnen: one select per column, with the header and an example value. */
export function MappingForm({
  id,
  headers,
  samples,
  mapping,
}: {
  id: string;
  headers: string[];
  samples: string[][];
  mapping: Record<string, string>;
}) {
  const t = useTranslations('import');
  const f = useForm(startCheckAction, { id });
  return (
    <form action={f.formAction} className="space-y-4">
      <input type="hidden" name="id" value={id} />
      {f.failed ? <Alert tone="error">{f.error('mapping') ?? f.failed.message}</Alert> : null}
      <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white shadow-sm">
        <table className="min-w-full text-sm">
          <thead className="bg-gray-50 text-left text-xs font-semibold uppercase tracking-wide text-gray-600">
            <tr>
              <th className="px-4 py-3">{t('mapping.column')}</th>
              <th className="px-4 py-3">{t('mapping.sample')}</th>
              <th className="px-4 py-3">{t('mapping.field')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {headers.map((h, i) => (
              <tr key={i}>
                <td className="px-4 py-2.5 font-medium text-ink">{h}</td>
                <td className="max-w-xs truncate px-4 py-2.5 text-gray-600">
                  {samples
                    .map((s) => s[i])
                    .filter(Boolean)
                    .slice(0, 2)
                    .join(' · ') || '–'}
                </td>
                <td className="px-4 py-2">
                  <label htmlFor={`col_${i}`} className="sr-only">
                    {t('mapping.field')}
                  </label>
                  <select
                    id={`col_${i}`}
                    name={`col_${i}`}
                    defaultValue={mapping[String(i)] ?? ''}
                    className="h-10 w-full min-w-48 rounded-lg border border-gray-300 bg-white px-3 text-sm"
                  >
                    <option value="">{t('mapping.ignore')}</option>
                    {contactFields.map((field) => (
                      <option key={field} value={field}>
                        {t(`fields.${field}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex justify-end">
        <SubmitButton size="lg">{t('mapping.submit')}</SubmitButton>
      </div>
    </form>
  );
}
