'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SelectField, SubmitButton } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { ConfirmDelete } from '@/components/contracts/confirm-delete';
import { addProviderAction, removeProviderAction } from '@/lib/contracts/actions';

const kinds = ['insurer', 'finance', 'other'] as const;

/** EINSTELLUNGEN → ANBIETER: the tenant's own entries next to the shipped catalogue. */
export function ProvidersSettings({
  own,
  shipped,
}: {
  own: { id: string; kind: string; name: string }[];
  shipped: Record<string, number>;
}) {
  const f = useForm(addProviderAction, { kind: 'insurer' });
  const t = useTranslations('settings.providers');
  const tc = useTranslations('common');
  const options = kinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }));
  const kindLabel = (kind: string) =>
    (kinds as readonly string[]).includes(kind) ? t(`kinds.${kind as (typeof kinds)[number]}`) : kind;
  return (
    <div className="space-y-6">
      <form
        action={f.formAction}
        noValidate
        className="grid gap-4 sm:grid-cols-[16rem_minmax(0,1fr)_auto] sm:items-start"
        key={f.version}
      >
        <SelectField
          label={t('list')}
          name="kind"
          defaultValue={f.value('kind')}
          options={options}
          error={f.error('kind')}
        />
        <Field
          label={t('name')}
          name="name"
          required
          defaultValue={f.state?.ok ? '' : f.value('name')}
          error={f.error('name')}
          placeholder={t('namePlaceholder')}
          maxLength={200}
        />
        <div className="sm:pt-7">
          <SubmitButton size="lg" pendingLabel={tc('saving')}>
            {t('add')}
          </SubmitButton>
        </div>
        {f.failed?.message ? (
          <Alert tone="error" className="sm:col-span-3">
            {f.failed.message}
          </Alert>
        ) : null}
        {f.state?.ok ? (
          <Alert tone="success" className="sm:col-span-3">
            {t('added')}
          </Alert>
        ) : null}
      </form>
      <div>
        <h2 className="text-lg font-semibold">{t('ownTitle')}</h2>
        {own.length === 0 ? (
          <p className="mt-2 text-sm text-gray-600">
            {t('none', { insurers: shipped.insurer ?? 0, finance: shipped.finance ?? 0, other: shipped.other ?? 0 })}
          </p>
        ) : (
          <ul className="mt-2 divide-y divide-gray-100" aria-label={t('ownList')}>
            {own.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-medium text-ink">{p.name}</span>{' '}
                  <span className="text-xs text-gray-500">{kindLabel(p.kind)}</span>
                </span>
                <ConfirmDelete action={removeProviderAction} id={p.id} label={tc('remove')} title={t('removeTitle')}>
                  {t('removeText', { name: p.name })}
                </ConfirmDelete>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
