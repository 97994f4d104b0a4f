'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SelectField, SubmitButton, TextareaField } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import type { FormState } from '@/lib/actions/result';
import { areaConfig, isRequired, labelIn } from '@/lib/contracts/areas';
import { contractStatuses, paymentFrequencies, paymentMethods } from '@/lib/contracts/premium';
import type { FolderArea } from '@/lib/contracts/areas';
import { ProviderPicker } from './provider-picker';

const opts = (list: readonly string[]) => list.map((v) => ({ value: v, label: v }));

/** VERTRAG HINZUFÜGEN / bearbeiten: the fields of the area, its required set starred, German money input. */
export function ContractForm({
  action,
  area,
  initial,
  products,
  providers,
  submitLabel,
  savedMessage,
  cancelHref,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  area: FolderArea;
  initial: Record<string, string>;
  products: string[];
  providers: { name: string; own: boolean }[];
  submitLabel: string;
  savedMessage?: string;
  cancelHref?: string;
}) {
  const f = useForm(action, initial);
  const cfg = areaConfig[area];
  const has = (field: (typeof cfg.fields)[number]) => cfg.fields.includes(field);
  const label = (field: (typeof cfg.fields)[number]) => labelIn(area, field);
  const req = (field: (typeof cfg.fields)[number]) => isRequired(area, field);
  const productOptions = opts(products.includes(f.value('product')) || !f.value('product') ? products : [f.value('product'), ...products]);
  const duplicate = f.failed?.code === 'duplicate';
  const [frequency, setFrequency] = useState(f.value('frequency'));
  return (
    <form action={f.formAction} noValidate className="space-y-6" key={f.version}>
      <input type="hidden" name="area" value={area} />
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {initial.contactId ? <input type="hidden" name="contactId" value={initial.contactId} /> : null}
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      {f.failed && !f.failed.message && !duplicate ? <Alert tone="error">Bitte prüfen Sie die markierten Felder.</Alert> : null}
      {f.state?.ok && savedMessage ? <Alert tone="success">{savedMessage}</Alert> : null}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-ink">{area === 'emergency' ? 'Eintrag' : 'Vertrag'}</legend>
        {has('status') ? <SelectField label={label('status')} name="status" required={req('status')} defaultValue={f.value('status') || 'aktiv'} options={opts(contractStatuses)} error={f.error('status')} /> : null}
        <SelectField label={label('product')} name="product" required={req('product')} defaultValue={f.value('product')} placeholder="– bitte wählen –" options={productOptions} error={f.error('product')} />
        {has('title') ? <Field label={label('title')} name="title" required={req('title')} defaultValue={f.value('title')} error={f.error('title')} placeholder="z. B. Vorsorgevollmacht für Maria" maxLength={200} /> : null}
        {has('provider') ? (
          <ProviderPicker name="provider" label={label('provider')} names={providers} defaultValue={f.value('provider')} required={req('provider')} error={f.error('provider')} />
        ) : null}
        {has('number') ? (
          <Field label={label('number')} name="number" required={req('number')} defaultValue={f.value('number')} error={duplicate ? undefined : f.error('number')} maxLength={60} autoComplete="off" />
        ) : null}
      </fieldset>
      {duplicate ? (
        <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          <p className="font-semibold">Möglicherweise doppelt</p>
          <p className="mt-1">{f.error('number')}</p>
          <label className="mt-3 flex items-center gap-2 font-medium">
            <input type="checkbox" name="confirmDuplicate" className="h-5 w-5 accent-[var(--color-primary)]" /> Trotzdem speichern
          </label>
        </div>
      ) : null}
      {has('premium') ? (
        <fieldset className="grid gap-4 sm:grid-cols-3">
          <legend className="mb-2 text-base font-semibold text-ink">Beitrag</legend>
          <SelectField label={label('paymentMethod')} name="paymentMethod" defaultValue={f.value('paymentMethod')} placeholder="–" options={opts(paymentMethods)} error={f.error('paymentMethod')} />
          <SelectField label={label('frequency')} name="frequency" value={frequency} onChange={(e) => setFrequency(e.target.value)} placeholder="–" options={opts(paymentFrequencies)} error={f.error('frequency')} />
          <Field
            label="BRUTTOBEITRAG (€)"
            name="premium"
            inputMode="decimal"
            defaultValue={f.value('premium')}
            error={f.error('premium')}
            placeholder="z. B. 1.234,56"
            hint={frequency ? `gem. ZAHLWEISE: ${frequency}` : 'gem. ZAHLWEISE'}
            disabled={frequency === 'beitragsfrei'}
          />
        </fieldset>
      ) : null}
      {has('startDate') ? (
        <fieldset className="grid gap-4 sm:grid-cols-3">
          <legend className="mb-2 text-base font-semibold text-ink">Laufzeit</legend>
          <Field label={label('startDate')} name="startDate" type="date" defaultValue={f.value('startDate')} error={f.error('startDate')} />
          <Field label={label('endDate')} name="endDate" type="date" defaultValue={f.value('endDate')} error={f.error('endDate')} />
          <Field label={label('noticePeriod')} name="noticePeriod" defaultValue={f.value('noticePeriod')} error={f.error('noticePeriod')} placeholder="z. B. 3 Monate zum Ablauf" maxLength={80} />
        </fieldset>
      ) : null}
      <TextareaField label={label('note')} name="note" defaultValue={f.value('note')} error={f.error('note')} maxLength={4000} />
      <div className="flex flex-wrap items-center justify-end gap-3 border-t border-gray-100 pt-5">
        {cancelHref ? (
          <a href={cancelHref} className="text-sm font-medium text-gray-600 hover:underline">
            Abbrechen
          </a>
        ) : null}
        <SubmitButton size="lg" pendingLabel="Wird gespeichert …">
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
