'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SelectField, SubmitButton, TextareaField } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import type { FormState } from '@/lib/actions/result';

const salutations = ['Frau', 'Herr', 'Divers'] as const;

/**
 * KONTAKT ERSTELLEN / Stammdaten: VORNAME, NACHNAME, GEBURTSDATUM and KUNDEN-E-MAIL are required. With
 * `loginDataLocked` (an account holder, and the reader lacks the right) e-mail and birth date are shown read-only.
 */
export function ContactForm<T>({
  action,
  initial,
  advisors,
  submitLabel,
  savedMessage,
  readOnly,
  loginDataLocked,
}: {
  action: (prev: FormState<T>, data: FormData) => Promise<FormState<T>>;
  initial: Record<string, string>;
  advisors: { id: string; name: string }[];
  submitLabel: string;
  savedMessage?: string;
  readOnly?: boolean;
  loginDataLocked?: boolean;
}) {
  const t = useTranslations('contacts.form');
  const f = useForm(action, initial);
  return (
    <form action={f.formAction} noValidate className="space-y-6" key={f.version}>
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      {f.state?.ok && savedMessage ? <Alert tone="success">{savedMessage}</Alert> : null}
      <fieldset disabled={readOnly} className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-ink">{t('person')}</legend>
        <SelectField
          label={t('salutation')}
          name="salutation"
          defaultValue={f.value('salutation')}
          placeholder="–"
          options={salutations.map((v) => ({ value: v, label: t(`salutations.${v}`) }))}
          error={f.error('salutation')}
        />
        <Field
          label={t('title')}
          name="title"
          defaultValue={f.value('title')}
          error={f.error('title')}
          placeholder={t('titlePlaceholder')}
        />
        <Field
          label={t('firstName')}
          name="firstName"
          required
          defaultValue={f.value('firstName')}
          error={f.error('firstName')}
        />
        <Field
          label={t('lastName')}
          name="lastName"
          required
          defaultValue={f.value('lastName')}
          error={f.error('lastName')}
        />
        <Field
          label={t('birthDate')}
          name="birthDate"
          type="date"
          required
          readOnly={loginDataLocked}
          defaultValue={f.value('birthDate')}
          error={f.error('birthDate')}
          hint={loginDataLocked ? t('loginDataLocked') : t('birthDateHint')}
        />
        <Field
          label={t('email')}
          name="email"
          type="email"
          required
          readOnly={loginDataLocked}
          defaultValue={f.value('email')}
          error={f.error('email')}
          hint={loginDataLocked ? t('loginDataLocked') : t('emailHint')}
        />
      </fieldset>
      <fieldset disabled={readOnly} className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-ink">{t('contact')}</legend>
        <Field label={t('phone')} name="phone" type="tel" defaultValue={f.value('phone')} error={f.error('phone')} />
        <Field
          label={t('mobile')}
          name="mobile"
          type="tel"
          defaultValue={f.value('mobile')}
          error={f.error('mobile')}
        />
        <Field
          label={t('street')}
          name="street"
          className="sm:col-span-2"
          defaultValue={f.value('street')}
          error={f.error('street')}
        />
        <Field label={t('zip')} name="zip" inputMode="numeric" defaultValue={f.value('zip')} error={f.error('zip')} />
        <Field label={t('city')} name="city" defaultValue={f.value('city')} error={f.error('city')} />
      </fieldset>
      <fieldset disabled={readOnly} className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-ink">{t('care')}</legend>
        <SelectField
          label={t('advisor')}
          name="advisorId"
          defaultValue={f.value('advisorId')}
          placeholder={t('nobody')}
          options={advisors.map((a) => ({ value: a.id, label: a.name }))}
          error={f.error('advisorId')}
        />
        <TextareaField
          label={t('note')}
          name="note"
          className="sm:col-span-2"
          defaultValue={f.value('note')}
          error={f.error('note')}
          maxLength={2000}
        />
      </fieldset>
      {readOnly ? null : (
        <div className="flex justify-end border-t border-gray-100 pt-5">
          <SubmitButton size="lg" pendingLabel={t('saving')}>
            {submitLabel}
          </SubmitButton>
        </div>
      )}
    </form>
  );
}
