'use client';

import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { updateOwnProfileAction } from '@/lib/portal/actions';

export function ProfileForm({ initial }: { initial: Record<string, string> }) {
  const f = useForm(updateOwnProfileAction, initial);
  return (
    <form action={f.formAction} noValidate className="space-y-4" key={f.version}>
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      {f.state?.ok ? <Alert tone="success">Ihre Angaben sind gespeichert. Ihr Berater sieht die Änderung.</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Telefon" name="phone" type="tel" autoComplete="tel" defaultValue={f.value('phone')} error={f.error('phone')} />
        <Field label="Mobil" name="mobile" type="tel" autoComplete="tel" defaultValue={f.value('mobile')} error={f.error('mobile')} />
        <Field label="Straße" name="street" autoComplete="street-address" className="sm:col-span-2" defaultValue={f.value('street')} error={f.error('street')} />
        <Field label="PLZ" name="zip" inputMode="numeric" autoComplete="postal-code" defaultValue={f.value('zip')} error={f.error('zip')} />
        <Field label="Ort" name="city" autoComplete="address-level2" defaultValue={f.value('city')} error={f.error('city')} />
      </div>
      <SubmitButton size="lg" className="w-full sm:w-auto" pendingLabel="Wird gespeichert …">
        SPEICHERN
      </SubmitButton>
    </form>
  );
}
