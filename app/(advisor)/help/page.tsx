import type { Metadata } from 'next';
import { ButtonLink, buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { SupportForm } from '@/components/help/support-form';
import { HelpIcon } from '@/components/ui/icons';
import { isAdmin } from '@/lib/access/employee';
import { requireAdvisor } from '@/lib/auth/current';
import { searchHelp } from '@/lib/help/topics';

export const metadata: Metadata = { title: 'HILFE' };

export default async function HelpPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { user } = await requireAdvisor();
  const q = String((await searchParams).q ?? '').slice(0, 100);
  const topics = searchHelp(q, { admin: isAdmin(user) });
  return (
    <>
      <PageHeader title="HILFE" subtitle="Kurze Anleitungen zu allen Bereichen – mit einem Klick zum passenden Bildschirm." />
      <form role="search" action="/help" className="mb-6 flex gap-2">
        <label htmlFor="help-q" className="sr-only">
          Hilfe durchsuchen
        </label>
        <input id="help-q" name="q" type="search" defaultValue={q} placeholder="z. B. PIN, Freigaben, Logo …" className="h-11 w-full rounded-lg border border-gray-300 bg-white px-3.5 text-base shadow-sm outline-none focus:border-primary focus:ring-4 focus:ring-primary/15" />
        <button type="submit" className={buttonClass('secondary', 'md')}>
          Suchen
        </button>
      </form>
      {topics.length === 0 ? (
        <EmptyState icon={<HelpIcon width={36} height={36} />} title={`Nichts gefunden zu „${q}“`}>
          Versuchen Sie ein anderes Stichwort, z. B. „Passwort“ oder „Freigaben“.
        </EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {topics.map((t) => (
            <Card key={t.id}>
              <article aria-labelledby={`help-${t.id}`}>
                <h2 id={`help-${t.id}`} className="text-lg font-bold text-ink">
                  {t.title}
                </h2>
                <ol className="mt-3 list-decimal space-y-1.5 pl-5 text-sm leading-relaxed text-gray-700">
                  {t.steps.map((s) => (
                    <li key={s}>{s}</li>
                  ))}
                </ol>
                <ButtonLink href={t.link.href} variant="secondary" size="sm" className="mt-4">
                  {t.link.label} →
                </ButtonLink>
              </article>
            </Card>
          ))}
        </div>
      )}
      <Card className="mt-8">
        <h2 className="text-lg font-bold text-ink">Anliegen mitteilen</h2>
        <p className="mb-4 mt-1 text-sm text-gray-600">Wir konnten Ihre Frage nicht beantworten? Schreiben Sie uns – gern mit Screenshots.</p>
        <SupportForm />
      </Card>
    </>
  );
}
