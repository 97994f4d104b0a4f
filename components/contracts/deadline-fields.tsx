'use client';

import { useTranslations } from 'next-intl';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/form-controls';
import type { ContractField } from '@/lib/contracts/areas';
import { sparteFamily } from '@/lib/deadlines/sparten';

/** The notice the engine counts with when none is typed (PflVG §5a: motor 1 month; life: none). */
export function defaultNoticeMonths(sparte: string | null | undefined): number | null {
  const family = sparteFamily(sparte);
  if (family === 'motor') return 1;
  if (family === 'life' || family === 'notInsurance') return null;
  return 3;
}

/**
 * Insurance only: Beginn, Ablauf, Hauptfälligkeit (full or partial dates as text), Kündigungsfrist in months
 * (placeholder: the rule's default for the chosen product's Sparte), automatische Verlängerung and the three
 * events that open a deadline of their own.
 */
export function DeadlineFields({
  value,
  error,
  label,
  sparte,
}: {
  value: (name: string) => string;
  error: (name: string) => string | undefined;
  label: (field: ContractField) => string;
  sparte: string | null;
}) {
  const t = useTranslations('contracts.form');
  const notice = defaultNoticeMonths(sparte);
  const dateField = (name: ContractField, hint?: string) => (
    <Field
      label={label(name)}
      name={name}
      inputMode="numeric"
      autoComplete="off"
      defaultValue={value(name)}
      error={error(name)}
      placeholder={t('datePlaceholder')}
      hint={hint}
      maxLength={10}
    />
  );
  return (
    <>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-base font-semibold text-ink">{t('datesLegend')}</legend>
        {dateField('startDate', t('partialHint'))}
        {dateField('endDate', t('partialHint'))}
        {dateField('mainDueDate', t('partialHint'))}
        <Field
          label={label('noticeMonths')}
          name="noticeMonths"
          inputMode="numeric"
          defaultValue={value('noticeMonths')}
          error={error('noticeMonths')}
          placeholder={notice === null ? '' : String(notice)}
          hint={notice === null ? undefined : t('noticeDefault', { months: notice })}
          maxLength={2}
        />
        <SelectField
          label={label('autoRenewal')}
          name="autoRenewal"
          defaultValue={value('autoRenewal')}
          options={[
            { value: 'yes', label: t('renewalYes') },
            { value: 'no', label: t('renewalNo') },
          ]}
          placeholder={t('renewalUnknown')}
          error={error('autoRenewal')}
        />
        <Field
          label={label('noticePeriod')}
          name="noticePeriod"
          defaultValue={value('noticePeriod')}
          error={error('noticePeriod')}
          placeholder={t('noticePlaceholder')}
          maxLength={80}
        />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-base font-semibold text-ink">{t('eventsLegend')}</legend>
        {dateField('premiumIncreaseReceivedOn', t('eventHint'))}
        {dateField('claimSettledOn')}
        {dateField('acquiredOn')}
      </fieldset>
    </>
  );
}
