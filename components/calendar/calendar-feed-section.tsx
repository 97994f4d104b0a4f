'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/form-controls';
import { useForm } from '@/components/ui/use-form';
import { calendarNamesAction, createCalendarFeedAction, revokeCalendarFeedAction } from '@/lib/calendar/actions';

/**
 * "Mein Zugang" → Kalender-Abo (employees): create or renew the secret URL (shown once), revoke it, and
 * whether entries name the client.
 */
export function CalendarFeedSection({
  active,
  since,
  showNames,
}: {
  active: boolean;
  since: Date | null;
  showNames: boolean;
}) {
  const t = useTranslations('reminders.calendar');
  const format = useFormatter();
  const create = useForm(createCalendarFeedAction);
  const revoke = useForm(revokeCalendarFeedAction);
  const names = useForm(calendarNamesAction);
  const fresh = create.state?.ok ? create.state.data.url : null;
  return (
    <div className="space-y-4">
      <p className="text-sm text-gray-600">{t('intro')}</p>
      {fresh ? (
        <div className="space-y-2">
          <p className="text-sm font-medium">{t('newUrl')}</p>
          <input
            readOnly
            aria-label={t('newUrl')}
            value={fresh}
            onFocus={(e) => e.currentTarget.select()}
            className="w-full rounded-lg border border-gray-300 bg-gray-50 px-3 py-2 font-mono text-sm"
            data-testid="calendar-url"
          />
        </div>
      ) : revoke.state?.ok ? (
        <Alert tone="success">{t('revoked')}</Alert>
      ) : (
        <p className="text-sm">
          {active && since ? t('active', { date: format.dateTime(since, { dateStyle: 'medium' }) }) : t('none')}
        </p>
      )}
      {create.failed?.message ? <Alert tone="error">{create.failed.message}</Alert> : null}
      <div className="flex flex-wrap gap-3">
        <form action={create.formAction}>
          <SubmitButton variant="secondary" pendingLabel={t('working')}>
            {active || fresh ? t('regenerate') : t('create')}
          </SubmitButton>
        </form>
        {active || fresh ? (
          <form action={revoke.formAction}>
            <SubmitButton variant="secondary" pendingLabel={t('working')}>
              {t('revoke')}
            </SubmitButton>
          </form>
        ) : null}
      </div>
      <form action={names.formAction} className="space-y-2 border-t border-gray-100 pt-4">
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" name="showNames" defaultChecked={showNames} className="h-4 w-4" />
          {t('showNames')}
        </label>
        <p className="text-xs text-gray-600">{t('showNamesHint')}</p>
        <SubmitButton variant="secondary" pendingLabel={t('working')}>
          {t('saveNames')}
        </SubmitButton>
      </form>
    </div>
  );
}
