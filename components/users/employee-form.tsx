'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SelectField, SubmitButton } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import type { FormState } from '@/lib/actions/result';

const salutations = ['Frau', 'Herr', 'Divers'] as const;
const employeeTypes = ['mitarbeiter', 'netzwerkpartner', 'experte'] as const;
const roles = ['admin', 'employee'] as const;
const scopes = ['all', 'own'] as const;
const levels = ['none', 'read', 'write'] as const;
const modules = ['insurance', 'finance', 'other', 'emergency', 'communication'] as const;
/** The checkbox rights (lib/db/schema/users.ts extraRightKeys; not imported: the schema stays out of the bundle). */
const extraRights = ['import', 'protocol'] as const;

/** BENUTZER ERSTELLEN / bearbeiten: master data, type, role, rights per module and scope. */
export function EmployeeForm<T>({
  action,
  initial,
  submitLabel,
  savedMessage,
}: {
  action: (prev: FormState<T>, data: FormData) => Promise<FormState<T>>;
  initial: Record<string, string>;
  submitLabel: string;
  savedMessage?: string;
}) {
  const t = useTranslations('users');
  const f = useForm(action, initial);
  const options = <K extends string>(values: readonly K[], label: (v: K) => string) =>
    values.map((value) => ({ value, label: label(value) }));
  return (
    <form action={f.formAction} noValidate className="space-y-6" key={f.version}>
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      {f.state?.ok && savedMessage ? <Alert tone="success">{savedMessage}</Alert> : null}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-ink">{t('form.person')}</legend>
        <SelectField
          label={t('form.salutation')}
          name="salutation"
          defaultValue={f.value('salutation')}
          placeholder="–"
          options={options(salutations, (v) => t(`salutations.${v}`))}
          error={f.error('salutation')}
        />
        <div className="hidden sm:block" />
        <Field
          label={t('form.firstName')}
          name="firstName"
          required
          autoComplete="off"
          defaultValue={f.value('firstName')}
          error={f.error('firstName')}
        />
        <Field
          label={t('form.lastName')}
          name="lastName"
          required
          autoComplete="off"
          defaultValue={f.value('lastName')}
          error={f.error('lastName')}
        />
        <Field
          label={t('form.birthDate')}
          name="birthDate"
          type="date"
          required
          defaultValue={f.value('birthDate')}
          error={f.error('birthDate')}
          hint={t('form.birthDateHint')}
        />
        <Field
          label={t('form.email')}
          name="email"
          type="email"
          required
          autoComplete="off"
          defaultValue={f.value('email')}
          error={f.error('email')}
        />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-base font-semibold text-ink">{t('form.access')}</legend>
        <SelectField
          label={t('form.type')}
          name="employeeType"
          required
          defaultValue={f.value('employeeType') || 'mitarbeiter'}
          options={options(employeeTypes, (v) => t(`types.${v}`))}
          error={f.error('employeeType')}
        />
        <SelectField
          label={t('form.role')}
          name="role"
          required
          defaultValue={f.value('role') || 'employee'}
          options={options(roles, (v) => t(`roles.${v}`))}
          error={f.error('role')}
        />
        <SelectField
          label={t('form.scope')}
          name="scope"
          required
          defaultValue={f.value('scope') || 'all'}
          options={options(scopes, (v) => t(`scopes.${v}`))}
          error={f.error('scope')}
        />
      </fieldset>
      <fieldset>
        <legend className="mb-1 text-base font-semibold text-ink">{t('form.rights')}</legend>
        <p className="mb-3 text-sm text-gray-600">{t('form.rightsHint')}</p>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
          {modules.map((key) => (
            <SelectField
              key={key}
              label={t(`modules.${key}`)}
              name={`right_${key}`}
              defaultValue={f.value(`right_${key}`) || 'none'}
              options={options(levels, (v) => t(`levels.${v}`))}
              error={f.error(`right_${key}`)}
            />
          ))}
        </div>
        <div className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
          {extraRights.map((key) => (
            <label key={key} className="inline-flex items-center gap-2 text-sm text-ink">
              <input
                type="checkbox"
                name={`flag_${key}`}
                defaultChecked={f.value(`flag_${key}`) === 'on'}
                className="h-4 w-4 rounded border-gray-300"
              />
              {t(`extraRights.${key}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex justify-end border-t border-gray-100 pt-5">
        <SubmitButton size="lg" pendingLabel={t('form.saving')}>
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
