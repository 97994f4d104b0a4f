'use client';

import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SelectField, SubmitButton, TextareaField } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import type { FormState } from '@/lib/actions/result';

/** KONTAKT ERSTELLEN / Stammdaten: VORNAME, NACHNAME, GEBURTSDATUM and KUNDEN-E-MAIL are required. */
export function ContactForm({
  action,
  initial,
  advisors,
  submitLabel,
  savedMessage,
  readOnly,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  initial: Record<string, string>;
  advisors: { id: string; name: string }[];
  submitLabel: string;
  savedMessage?: string;
  readOnly?: boolean;
}) {
  const f = useForm(action, initial);
  return (
    <form action={f.formAction} noValidate className="space-y-6" key={f.version}>
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      {f.state?.ok && savedMessage ? <Alert tone="success">{savedMessage}</Alert> : null}
      <fieldset disabled={readOnly} className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-ink">Person</legend>
        <SelectField label="Anrede" name="salutation" defaultValue={f.value('salutation')} placeholder="–" options={['Frau', 'Herr', 'Divers'].map((v) => ({ value: v, label: v }))} error={f.error('salutation')} />
        <Field label="Titel" name="title" defaultValue={f.value('title')} error={f.error('title')} placeholder="z. B. Dr." />
        <Field label="Vorname" name="firstName" required defaultValue={f.value('firstName')} error={f.error('firstName')} />
        <Field label="Nachname" name="lastName" required defaultValue={f.value('lastName')} error={f.error('lastName')} />
        <Field label="Geburtsdatum" name="birthDate" type="date" required defaultValue={f.value('birthDate')} error={f.error('birthDate')} hint="Dient als PIN bei der Passwortvergabe." />
        <Field label="KUNDEN-E-MAIL" name="email" type="email" required defaultValue={f.value('email')} error={f.error('email')} hint="Pro E-Mail-Adresse kann nur ein Account angelegt werden." />
      </fieldset>
      <fieldset disabled={readOnly} className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-ink">Kontakt und Adresse</legend>
        <Field label="Telefon" name="phone" type="tel" defaultValue={f.value('phone')} error={f.error('phone')} />
        <Field label="Mobil" name="mobile" type="tel" defaultValue={f.value('mobile')} error={f.error('mobile')} />
        <Field label="Straße" name="street" className="sm:col-span-2" defaultValue={f.value('street')} error={f.error('street')} />
        <Field label="PLZ" name="zip" inputMode="numeric" defaultValue={f.value('zip')} error={f.error('zip')} />
        <Field label="Ort" name="city" defaultValue={f.value('city')} error={f.error('city')} />
      </fieldset>
      <fieldset disabled={readOnly} className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-ink">Betreuung</legend>
        <SelectField label="BETREUER" name="advisorId" defaultValue={f.value('advisorId')} placeholder="– niemand –" options={advisors.map((a) => ({ value: a.id, label: a.name }))} error={f.error('advisorId')} />
        <TextareaField label="Notiz" name="note" className="sm:col-span-2" defaultValue={f.value('note')} error={f.error('note')} maxLength={2000} />
      </fieldset>
      {readOnly ? null : (
        <div className="flex justify-end border-t border-gray-100 pt-5">
          <SubmitButton size="lg" pendingLabel="Wird gespeichert …">
            {submitLabel}
          </SubmitButton>
        </div>
      )}
    </form>
  );
}
