import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ButtonLink, buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { SupportForm } from '@/components/help/support-form';
import { HelpIcon } from '@/components/ui/icons';
import { isAdmin } from '@/lib/access/employee';
import { searchHelp } from '@/lib/help/topics';
import { advisorCtx } from '@/lib/request/ctx';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('help.page'))('title') };
}

export default async function HelpPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const ctx = await advisorCtx();
  const t = await getTranslations('help.page');
  const q = String((await searchParams).q ?? '').slice(0, 100);
  const topics = searchHelp(q, { admin: isAdmin(ctx.actor), locale: ctx.locale });
  return (
    <ClientMessages pick={['help']}>
      <>
        <PageHeader title={t('title')} subtitle={t('subtitle')} />
        <form role="search" action="/help" className="mb-6 flex gap-2">
          <label htmlFor="help-q" className="sr-only">
            {t('searchLabel')}
          </label>
          <input
            id="help-q"
            name="q"
            type="search"
            defaultValue={q}
            placeholder={t('searchPlaceholder')}
            className="h-11 w-full rounded-lg border border-gray-300 bg-white px-3.5 text-base shadow-sm outline-none focus:border-primary focus:ring-4 focus:ring-primary/15"
          />
          <button type="submit" className={buttonClass('secondary', 'md')}>
            {t('search')}
          </button>
        </form>
        {topics.length === 0 ? (
          <EmptyState icon={<HelpIcon width={36} height={36} />} title={t('nothing', { query: q })}>
            {t('nothingHint')}
          </EmptyState>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            {topics.map((topic) => (
              <Card key={topic.id}>
                <article aria-labelledby={`help-${topic.id}`}>
                  <h2 id={`help-${topic.id}`} className="text-lg font-bold text-ink">
                    {topic.title}
                  </h2>
                  <ol className="mt-3 list-decimal space-y-1.5 pl-5 text-sm leading-relaxed text-gray-700">
                    {topic.steps.map((s) => (
                      <li key={s}>{s}</li>
                    ))}
                  </ol>
                  <ButtonLink href={topic.link.href} variant="secondary" size="sm" className="mt-4">
                    {t('linkArrow', { label: topic.link.label })}
                  </ButtonLink>
                </article>
              </Card>
            ))}
          </div>
        )}
        <Card className="mt-8">
          <h2 className="text-lg font-bold text-ink">{t('supportTitle')}</h2>
          <p className="mb-4 mt-1 text-sm text-gray-600">{t('supportIntro')}</p>
          <SupportForm />
        </Card>
      </>
    </ClientMessages>
  );
}
