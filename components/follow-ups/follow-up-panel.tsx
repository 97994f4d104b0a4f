import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { Card } from '@/components/ui/card';
import type { Ctx } from '@/lib/ctx';
import { assigneeOptions, contactFollowUps } from '@/lib/follow-ups/list';
import { FollowUpForm } from './follow-up-form';
import { FollowUpTable } from './follow-up-table';

/** WIEDERVORLAGEN on the contact page or a contract page: the list and the form (one line in the page). */
export async function FollowUpPanel({
  ctx,
  contactId,
  contractId,
}: {
  ctx: Ctx;
  contactId: string;
  contractId?: string;
}) {
  const t = await getTranslations('followUps.form');
  const [items, assignees] = await Promise.all([
    contactFollowUps(ctx, { contactId, contractId }),
    assigneeOptions(ctx, { contactId }),
  ]);
  return (
    <ClientMessages pick={['followUps', 'errors']}>
      <Card className="mt-6">
        <h2 className="mb-4 text-lg font-semibold">{t('title')}</h2>
        {items.length ? (
          <div className="mb-6">
            <FollowUpTable caption={t('open')} items={items} />
          </div>
        ) : (
          <p className="mb-4 text-sm text-gray-600">{t('none')}</p>
        )}
        <h3 className="mb-3 font-semibold">{t('new')}</h3>
        <FollowUpForm contactId={contactId} contractId={contractId} assignees={assignees} me={ctx.actor.id} />
      </Card>
    </ClientMessages>
  );
}
