'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { updateOwnProfileAction } from '@/lib/portal/actions';

export function ProfileForm({ initial }: { initial: Record<string, string> }) {
  const t = useTranslations('portal.profile');
  const f = useForm(updateOwnProfileAction, initial);
  return (
    <form action={f.formAction} noValidate className="space-y-4" key={f.version}>
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      {f.state?.ok ? <Alert tone="success">{t('saved')}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t('phone')}
          name="phone"
          type="tel"
          autoComplete="tel"
          defaultValue={f.value('phone')}
          error={f.error('phone')}
        />
        <Field
          label={t('mobile')}
          name="mobile"
          type="tel"
          autoComplete="tel"
          defaultValue={f.value('mobile')}
          error={f.error('mobile')}
        />
        <Field
          label={t('street')}
          name="street"
          autoComplete="street-address"
          className="sm:col-span-2"
          defaultValue={f.value('street')}
          error={f.error('street')}
        />
        <Field
          label={t('zip')}
          name="zip"
          inputMode="numeric"
          autoComplete="postal-code"
          defaultValue={f.value('zip')}
          error={f.error('zip')}
        />
        <Field
          label={t('city')}
          name="city"
          autoComplete="address-level2"
          defaultValue={f.value('city')}
          error={f.error('city')}
        />
      </div>
      <SubmitButton size="lg" className="w-full sm:w-auto" pendingLabel={t('saving')}>
        {t('save')}
      </SubmitButton>
    </form>
  );
}
