'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SelectField, SubmitButton, TextareaField } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { submitLeadAction } from '@/lib/leads/actions';
import type { LeadTopic } from '@/lib/leads/schemas';

export function LeadForm({
  token,
  topics,
  tenantName,
}: {
  token: string;
  topics: readonly LeadTopic[];
  tenantName: string;
}) {
  const f = useForm(submitLeadAction);
  const t = useTranslations('leads');
  const tc = useTranslations('common');
  if (f.state?.ok) {
    return (
      <div className="space-y-4">
        <Alert tone="success">
          <p className="font-semibold">{t('form.thanks')}</p>
          <p className="mt-1">{t('form.thanksText', { tenant: tenantName })}</p>
        </Alert>
        <ButtonLink href="/login" variant="secondary" className="w-full">
          {t('form.home')}
        </ButtonLink>
      </div>
    );
  }
  return (
    <form action={f.formAction} noValidate className="space-y-4" key={f.version}>
      <input type="hidden" name="startedAt" value={token} />
      {/* Honeypot: invisible to people, filled by bots. */}
      <div aria-hidden="true" className="absolute left-[-10000px] top-auto h-px w-px overflow-hidden">
        <label htmlFor="website">{t('form.honeypot')}</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t('form.firstName')}
          name="firstName"
          required
          autoComplete="given-name"
          defaultValue={f.value('firstName')}
          error={f.error('firstName')}
        />
        <Field
          label={t('form.lastName')}
          name="lastName"
          required
          autoComplete="family-name"
          defaultValue={f.value('lastName')}
          error={f.error('lastName')}
        />
      </div>
      <Field
        label={t('form.email')}
        name="email"
        type="email"
        required
        autoComplete="email"
        defaultValue={f.value('email')}
        error={f.error('email')}
      />
      <Field
        label={t('form.phone')}
        name="phone"
        type="tel"
        autoComplete="tel"
        defaultValue={f.value('phone')}
        error={f.error('phone')}
      />
      <SelectField
        label={t('form.topic')}
        name="topic"
        required
        placeholder={t('form.choose')}
        defaultValue={f.value('topic')}
        options={topics.map((topic) => ({ value: topic, label: t(`topics.${topic}`) }))}
        error={f.error('topic')}
      />
      <TextareaField
        label={t('form.message')}
        name="message"
        maxLength={2000}
        defaultValue={f.value('message')}
        error={f.error('message')}
      />
      <div>
        <label className="flex items-start gap-3 text-sm leading-relaxed text-gray-700">
          <input
            type="checkbox"
            name="consent"
            className="mt-1 h-4 w-4 shrink-0"
            defaultChecked={f.value('consent') === 'on'}
            aria-invalid={f.error('consent') ? true : undefined}
          />
          <span>
            {t.rich('form.consent', {
              tenant: tenantName,
              link: (chunks) => (
                <a href="/impressum" className="font-medium text-primary underline">
                  {chunks}
                </a>
              ),
            })}
          </span>
        </label>
        {f.error('consent') ? (
          <p role="alert" className="mt-1 text-sm font-medium text-red-700">
            {f.error('consent')}
          </p>
        ) : null}
      </div>
      <SubmitButton size="lg" className="w-full" pendingLabel={tc('sending')}>
        {t('form.submit')}
      </SubmitButton>
    </form>
  );
}
