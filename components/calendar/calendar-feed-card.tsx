import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { Card } from '@/components/ui/card';
import { calendarFeedStatus } from '@/lib/calendar/token';
import type { Ctx } from '@/lib/ctx';
import { CalendarFeedSection } from './calendar-feed-section';

/** The Kalender-Abo card of the employees' "Mein Zugang" (one line in the page). */
export async function CalendarFeedCard({ ctx }: { ctx: Ctx }) {
  const t = await getTranslations('reminders.calendar');
  const status = await calendarFeedStatus(ctx);
  return (
    <ClientMessages pick={['reminders.calendar']}>
      <Card className="mt-6">
        <h2 className="mb-4 text-lg font-semibold">{t('title')}</h2>
        <CalendarFeedSection {...status} />
      </Card>
    </ClientMessages>
  );
}
