'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SelectField, SubmitButton, TextareaField } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import type { FormState } from '@/lib/actions/result';
import { areaConfig, isRequired, labelKeyIn, type ContractField, type FolderArea } from '@/lib/contracts/areas';
import {
  contractStatuses,
  frequencyKey,
  methodKey,
  paymentFrequencies,
  paymentMethods,
  statusKey,
} from '@/lib/contracts/premium';
import type { MessageKey } from '@/lib/i18n';
import { DeadlineFields } from './deadline-fields';
import { ProviderPicker } from './provider-picker';

/** VERTRAG HINZUFÜGEN / bearbeiten: the fields of the area, its required set starred, German money input. */
export function ContractForm<T>({
  action,
  area,
  initial,
  products,
  sparten = {},
  providers,
  submitLabel,
  savedMessage,
  cancelHref,
}: {
  action: (prev: FormState<T>, data: FormData) => Promise<FormState<T>>;
  area: FolderArea;
  initial: Record<string, string>;
  products: string[];
  /** Insurance: the GDV Sparte of each product line (the notice placeholder follows the chosen one). */
  sparten?: Record<string, string | null>;
  providers: { name: string; own: boolean }[];
  submitLabel: string;
  savedMessage?: string;
  cancelHref?: string;
}) {
  const f = useForm(action, initial);
  const t = useTranslations('contracts.form');
  const tk = useTranslations();
  const cfg = areaConfig[area];
  const has = (field: ContractField) => cfg.fields.includes(field);
  const label = (field: ContractField) => tk(labelKeyIn(area, field));
  const req = (field: ContractField) => isRequired(area, field);
  // Stored list values are German words; each is shown in the reader's language (unknown ones as stored).
  const opts = (list: readonly string[], keyOf: (v: string) => MessageKey | null = () => null) =>
    list.map((v) => {
      const key = keyOf(v);
      return { value: v, label: key ? tk(key) : v };
    });
  const productOptions = opts(
    products.includes(f.value('product')) || !f.value('product') ? products : [f.value('product'), ...products],
  );
  const frequencyLabel = (v: string) => (frequencyKey(v) ? tk(frequencyKey(v)!) : v);
  const duplicate = f.failed?.code === 'duplicate';
  const [frequency, setFrequency] = useState(f.value('frequency'));
  const [product, setProduct] = useState(f.value('product'));
  return (
    <form action={f.formAction} noValidate className="space-y-6" key={f.version}>
      <input type="hidden" name="area" value={area} />
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {initial.contactId ? <input type="hidden" name="contactId" value={initial.contactId} /> : null}
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      {f.failed && !f.failed.message && !duplicate ? <Alert tone="error">{tk('errors.invalid')}</Alert> : null}
      {f.state?.ok && savedMessage ? <Alert tone="success">{savedMessage}</Alert> : null}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-ink">
          {area === 'emergency' ? t('legendEntry') : t('legendContract')}
        </legend>
        {has('status') ? (
          <SelectField
            label={label('status')}
            name="status"
            required={req('status')}
            defaultValue={f.value('status') || 'aktiv'}
            options={opts(contractStatuses, statusKey)}
            error={f.error('status')}
          />
        ) : null}
        <SelectField
          label={label('product')}
          name="product"
          required={req('product')}
          defaultValue={f.value('product')}
          onChange={(e) => setProduct(e.target.value)}
          placeholder={t('choose')}
          options={productOptions}
          error={f.error('product')}
        />
        {has('title') ? (
          <Field
            label={label('title')}
            name="title"
            required={req('title')}
            defaultValue={f.value('title')}
            error={f.error('title')}
            placeholder={t('titlePlaceholder')}
            maxLength={200}
          />
        ) : null}
        {has('provider') ? (
          <ProviderPicker
            name="provider"
            label={label('provider')}
            names={providers}
            defaultValue={f.value('provider')}
            required={req('provider')}
            error={f.error('provider')}
          />
        ) : null}
        {has('number') ? (
          <Field
            label={label('number')}
            name="number"
            required={req('number')}
            defaultValue={f.value('number')}
            error={duplicate ? undefined : f.error('number')}
            maxLength={60}
            autoComplete="off"
          />
        ) : null}
      </fieldset>
      {duplicate ? (
        <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          <p className="font-semibold">{t('duplicateTitle')}</p>
          <p className="mt-1">{f.error('number')}</p>
          <label className="mt-3 flex items-center gap-2 font-medium">
            <input type="checkbox" name="confirmDuplicate" className="h-5 w-5 accent-[var(--color-primary)]" />{' '}
            {t('saveAnyway')}
          </label>
        </div>
      ) : null}
      {has('premium') ? (
        <fieldset className="grid gap-4 sm:grid-cols-3">
          <legend className="mb-2 text-base font-semibold text-ink">{t('premiumLegend')}</legend>
          <SelectField
            label={label('paymentMethod')}
            name="paymentMethod"
            defaultValue={f.value('paymentMethod')}
            placeholder={t('none')}
            options={opts(paymentMethods, methodKey)}
            error={f.error('paymentMethod')}
          />
          <SelectField
            label={label('frequency')}
            name="frequency"
            value={frequency}
            onChange={(e) => setFrequency(e.target.value)}
            placeholder={t('none')}
            options={opts(paymentFrequencies, frequencyKey)}
            error={f.error('frequency')}
          />
          <Field
            label={t('premium')}
            name="premium"
            inputMode="decimal"
            defaultValue={f.value('premium')}
            error={f.error('premium')}
            placeholder={t('premiumPlaceholder')}
            hint={frequency ? t('perFrequency', { frequency: frequencyLabel(frequency) }) : t('perFrequencyEmpty')}
            disabled={frequency === 'beitragsfrei'}
          />
        </fieldset>
      ) : null}
      {has('mainDueDate') ? (
        <DeadlineFields value={f.value} error={f.error} label={label} sparte={sparten[product] ?? null} />
      ) : null}
      {has('startDate') && !has('mainDueDate') ? (
        <fieldset className="grid gap-4 sm:grid-cols-3">
          <legend className="mb-2 text-base font-semibold text-ink">{t('term')}</legend>
          <Field
            label={label('startDate')}
            name="startDate"
            type="date"
            defaultValue={f.value('startDate')}
            error={f.error('startDate')}
          />
          <Field
            label={label('endDate')}
            name="endDate"
            type="date"
            defaultValue={f.value('endDate')}
            error={f.error('endDate')}
          />
          <Field
            label={label('noticePeriod')}
            name="noticePeriod"
            defaultValue={f.value('noticePeriod')}
            error={f.error('noticePeriod')}
            placeholder={t('noticePlaceholder')}
            maxLength={80}
          />
        </fieldset>
      ) : null}
      <TextareaField
        label={label('note')}
        name="note"
        defaultValue={f.value('note')}
        error={f.error('note')}
        maxLength={4000}
      />
      <div className="flex flex-wrap items-center justify-end gap-3 border-t border-gray-100 pt-5">
        {cancelHref ? (
          <a href={cancelHref} className="text-sm font-medium text-gray-600 hover:underline">
            {t('cancel')}
          </a>
        ) : null}
        <SubmitButton size="lg" pendingLabel={t('saving')}>
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
