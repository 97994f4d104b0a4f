'use client';

import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SelectField, SubmitButton } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import type { FormState } from '@/lib/actions/result';
import { employeeTypeLabels, moduleLabels, rightLabels, roleLabels, scopeLabels } from '@/lib/users/labels';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** BENUTZER ERSTELLEN / bearbeiten: master data, type, role, rights per module and scope. */
export function EmployeeForm({
  action,
  initial,
  submitLabel,
  savedMessage,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  initial: Record<string, string>;
  submitLabel: string;
  savedMessage?: string;
}) {
  const f = useForm(action, initial);
  return (
    <form action={f.formAction} noValidate className="space-y-6" key={f.version}>
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      {f.state?.ok && savedMessage ? <Alert tone="success">{savedMessage}</Alert> : null}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-ink">Persönliche Daten</legend>
        <SelectField label="Anrede" name="salutation" defaultValue={f.value('salutation')} placeholder="–" options={options({ Frau: 'Frau', Herr: 'Herr', Divers: 'Divers' })} error={f.error('salutation')} />
        <div className="hidden sm:block" />
        <Field label="Vorname" name="firstName" required autoComplete="off" defaultValue={f.value('firstName')} error={f.error('firstName')} />
        <Field label="Nachname" name="lastName" required autoComplete="off" defaultValue={f.value('lastName')} error={f.error('lastName')} />
        <Field label="Geburtsdatum" name="birthDate" type="date" required defaultValue={f.value('birthDate')} error={f.error('birthDate')} hint="Dient als PIN bei der Passwortvergabe." />
        <Field label="E-Mail" name="email" type="email" required autoComplete="off" defaultValue={f.value('email')} error={f.error('email')} />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-base font-semibold text-ink">Zugang</legend>
        <SelectField label="Art" name="employeeType" required defaultValue={f.value('employeeType') || 'mitarbeiter'} options={options(employeeTypeLabels)} error={f.error('employeeType')} />
        <SelectField label="Rolle" name="role" required defaultValue={f.value('role') || 'employee'} options={options(roleLabels)} error={f.error('role')} />
        <SelectField label="Sieht" name="scope" required defaultValue={f.value('scope') || 'all'} options={options(scopeLabels)} error={f.error('scope')} />
      </fieldset>
      <fieldset>
        <legend className="mb-1 text-base font-semibold text-ink">Rechte je Modul</legend>
        <p className="mb-3 text-sm text-gray-600">Ohne Rechte findet der Benutzer nur einen leeren Vertragsordner vor. Admins haben immer alle Rechte.</p>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
          {Object.entries(moduleLabels).map(([key, label]) => (
            <SelectField key={key} label={label} name={`right_${key}`} defaultValue={f.value(`right_${key}`) || 'none'} options={options(rightLabels)} error={f.error(`right_${key}`)} />
          ))}
        </div>
      </fieldset>
      <div className="flex justify-end border-t border-gray-100 pt-5">
        <SubmitButton size="lg" pendingLabel="Wird gespeichert …">
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
