'use client';

import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SelectField, SubmitButton, TextareaField } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { submitLeadAction } from '@/lib/leads/actions';

export function LeadForm({ token, topics, tenantName }: { token: string; topics: readonly string[]; tenantName: string }) {
  const f = useForm(submitLeadAction);
  if (f.state?.ok) {
    return (
      <div className="space-y-4">
        <Alert tone="success">
          <p className="font-semibold">Vielen Dank für Ihre Anfrage!</p>
          <p className="mt-1">{tenantName} meldet sich in Kürze bei Ihnen.</p>
        </Alert>
        <ButtonLink href="/login" variant="secondary" className="w-full">
          Zurück zur Startseite
        </ButtonLink>
      </div>
    );
  }
  return (
    <form action={f.formAction} noValidate className="space-y-4" key={f.version}>
      <input type="hidden" name="startedAt" value={token} />
      {/* Honeypot: invisible to people, filled by bots. */}
      <div aria-hidden="true" className="absolute left-[-10000px] top-auto h-px w-px overflow-hidden">
        <label htmlFor="website">Website</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Vorname" name="firstName" required autoComplete="given-name" defaultValue={f.value('firstName')} error={f.error('firstName')} />
        <Field label="Nachname" name="lastName" required autoComplete="family-name" defaultValue={f.value('lastName')} error={f.error('lastName')} />
      </div>
      <Field label="E-Mail" name="email" type="email" required autoComplete="email" defaultValue={f.value('email')} error={f.error('email')} />
      <Field label="Telefon (optional)" name="phone" type="tel" autoComplete="tel" defaultValue={f.value('phone')} error={f.error('phone')} />
      <SelectField label="Thema" name="topic" required placeholder="Bitte wählen …" defaultValue={f.value('topic')} options={topics.map((t) => ({ value: t, label: t }))} error={f.error('topic')} />
      <TextareaField label="Ihre Nachricht (optional)" name="message" maxLength={2000} defaultValue={f.value('message')} error={f.error('message')} />
      <div>
        <label className="flex items-start gap-3 text-sm leading-relaxed text-gray-700">
          <input type="checkbox" name="consent" className="mt-1 h-4 w-4 shrink-0" defaultChecked={f.value('consent') === 'on'} aria-invalid={f.error('consent') ? true : undefined} />
          <span>
            Ich bin einverstanden, dass {tenantName} meine Angaben zur Bearbeitung meiner Anfrage speichert und mich kontaktiert. Die Einwilligung kann ich jederzeit widerrufen.
            Details im{' '}
            <a href="/impressum" className="font-medium text-primary underline">
              Impressum
            </a>
            .
          </span>
        </label>
        {f.error('consent') ? (
          <p role="alert" className="mt-1 text-sm font-medium text-red-700">
            {f.error('consent')}
          </p>
        ) : null}
      </div>
      <SubmitButton size="lg" className="w-full" pendingLabel="Wird gesendet …">
        ANFRAGE SENDEN
      </SubmitButton>
    </form>
  );
}
