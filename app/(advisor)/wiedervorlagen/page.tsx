import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { FollowUpTable } from '@/components/follow-ups/follow-up-table';
import { ClientMessages } from '@/components/i18n/client-messages';
import { PageHeader } from '@/components/ui/card';
import { myFollowUps } from '@/lib/follow-ups/list';
import { advisorCtx } from '@/lib/request/ctx';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('followUps.page'))('title') };
}

const sections = ['overdue', 'today', 'week', 'later', 'done'] as const;

export default async function MyFollowUpsPage() {
  const ctx = await advisorCtx();
  const t = await getTranslations('followUps.page');
  const mine = await myFollowUps(ctx);
  const empty = sections.every((s) => mine[s].length === 0);
  return (
    <ClientMessages pick={['followUps.page', 'errors']}>
      <>
        <PageHeader title={t('title')} subtitle={t('subtitle')} />
        {empty ? <p className="text-sm text-gray-600">{t('empty')}</p> : null}
        <div className="space-y-8">
          {sections.map((s) =>
            mine[s].length ? (
              <section key={s} aria-labelledby={`wv-${s}`}>
                <h2 id={`wv-${s}`} className="mb-3 text-lg font-semibold">
                  {t(s)} ({mine[s].length})
                </h2>
                <FollowUpTable caption={t(s)} items={mine[s]} />
              </section>
            ) : null,
          )}
        </div>
      </>
    </ClientMessages>
  );
}
