'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { SelectField, SubmitButton } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import type { Locale } from '@/lib/i18n';
import { chooseLanguageAction } from '@/lib/users/actions';

const languages = ['de', 'en'] as const satisfies readonly Locale[];

/** "Mein Zugang" → Sprache: Deutsch or English, stored on the account (the page answers in the new language). */
export function LanguageForm({ current }: { current: Locale }) {
  const t = useTranslations('account.language');
  const f = useForm(chooseLanguageAction);
  return (
    <form action={f.formAction} noValidate className="max-w-md space-y-4">
      {f.failed?.message ? <Alert tone="error">{f.failed.message}</Alert> : null}
      {f.state?.ok ? <Alert tone="success">{t('saved')}</Alert> : null}
      {/* Each language is named in its own words, so it can be found whatever the page's language. */}
      <SelectField
        label={t('label')}
        name="locale"
        defaultValue={current}
        options={languages.map((l) => ({ value: l, label: t(`names.${l}`) }))}
        error={f.error('locale')}
      />
      <p className="text-xs text-gray-500">{t('hint')}</p>
      <SubmitButton variant="secondary" pendingLabel={t('saving')}>
        {t('submit')}
      </SubmitButton>
    </form>
  );
}
