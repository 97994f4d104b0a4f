import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { JobButton } from '@/components/import/job-button';
import { MappingForm } from '@/components/import/mapping-form';
import { RefreshWhileRunning } from '@/components/import/progress';
import { ReviewRows } from '@/components/import/review-rows';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { DomainError } from '@/lib/errors';
import { translateMessage } from '@/lib/forms/message';
import { applyImportAction, cancelImportAction, undoImportAction } from '@/lib/import/actions';
import { importJob } from '@/lib/import/jobs';
import { previewImport } from '@/lib/import/preview';
import { leftRows, listRows, rowPageSize } from '@/lib/import/rows';
import { rowFilters, type RowFilter } from '@/lib/import/schemas';
import { advisorCtx } from '@/lib/request/ctx';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('import'))('title') };
}

function Stat({ label, value, className }: { label: string; value: number; className?: string }) {
  return (
    <div className={cn('rounded-xl border border-gray-200 bg-white px-4 py-3 shadow-sm', className)}>
      <div className="text-2xl font-bold tabular-nums text-ink">{value}</div>
      <div className="text-xs font-semibold uppercase tracking-wide text-gray-600">{label}</div>
    </div>
  );
}

/** One import: column mapping → progress → review → report (and undo). */
export default async function ImportJobPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const ctx = await advisorCtx();
  const t = await getTranslations('import');
  const { id } = await params;
  const sp = await searchParams;
  const job = await importJob(ctx, id).catch((e) => {
    if (e instanceof DomainError) notFound();
    throw e;
  });
  const c = job.counts;
  const n = (k: string) => Number(c[k] ?? 0);
  const running = job.work !== null;
  const filter: RowFilter = rowFilters.includes(sp.status as RowFilter) ? (sp.status as RowFilter) : 'all';
  const page = Math.max(1, Number(sp.page) || 1);
  const back = (
    <Link href="/contacts/import" className="text-sm font-medium text-primary hover:underline">
      {t('title')}
    </Link>
  );
  const header = (
    <>
      {back}
      <PageHeader title={job.fileName} subtitle={running ? t(`work.${job.work!}`) : t(`states.${job.state}`)} />
    </>
  );

  if (running) {
    const total =
      job.work === 'check' ? 0 : job.work === 'apply' ? n('new') + n('changed') - n('excluded') : n('applied');
    const done = n('done');
    const pct = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : null;
    return (
      <>
        {header}
        <RefreshWhileRunning running />
        <div className="rounded-xl border border-gray-200 bg-white p-6 shadow-sm" role="status" aria-live="polite">
          <p className="mb-3 font-medium text-ink">
            {total > 0 ? t('progress', { done, total }) : t('progressOpen', { done })}
          </p>
          <div className="h-3 overflow-hidden rounded-full bg-gray-100">
            <div
              className={cn('h-full bg-primary transition-all', pct === null && 'w-1/3 animate-pulse')}
              style={pct === null ? undefined : { width: `${pct}%` }}
            />
          </div>
        </div>
      </>
    );
  }

  if (job.state === 'uploaded' && job.kind === 'contacts') {
    const preview = await previewImport(ctx, id);
    return (
      <>
        {header}
        <h2 className="mb-1 text-lg font-semibold text-ink">{t('mapping.title')}</h2>
        <p className="mb-4 text-sm text-gray-600">{t('mapping.intro')}</p>
        {preview ? (
          <ClientMessages pick={['import']}>
            <MappingForm id={id} headers={preview.headers} samples={preview.samples} mapping={preview.mapping} />
          </ClientMessages>
        ) : (
          <p role="alert" className="text-red-700">
            {t('errors.unreadable')}
          </p>
        )}
        <div className="mt-4">
          <ClientMessages pick={['import']}>
            <JobButton action={cancelImportAction} fields={{ id }} label={t('mapping.cancel')} variant="ghost" />
          </ClientMessages>
        </div>
      </>
    );
  }

  const { rows, total } = await listRows(ctx, id, filter, page);
  const editable = job.state === 'checked';
  const toApply = n('new') + n('changed') - n('excluded');
  const link = (status: RowFilter, p = 1) =>
    `/contacts/import/${id}?${new URLSearchParams({ ...(status !== 'all' ? { status } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  const left = job.state === 'undone' ? await leftRows(ctx, id) : [];
  return (
    <ClientMessages pick={['import']}>
      {header}
      {job.error ? (
        <p role="alert" className="mb-4 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          {translateMessage(ctx.locale, job.error)}
        </p>
      ) : null}
      {job.state === 'applied' || job.state === 'undone' ? (
        <section className="mb-6">
          <h2 className="mb-3 text-lg font-semibold text-ink">{t('report.title')}</h2>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
            <Stat label={t('report.applied')} value={n('applied')} />
            <Stat label={t('report.refused')} value={n('refused')} />
            <Stat label={t('report.errors')} value={n('error')} />
            <Stat label={t('report.excluded')} value={n('excluded')} />
            {job.state === 'undone' ? <Stat label={t('report.undone')} value={n('undone')} /> : null}
            {job.state === 'undone' ? <Stat label={t('report.left')} value={n('left')} /> : null}
          </div>
          <div className="mt-4 flex flex-wrap gap-3">
            <a href={`/api/imports/${id}/refused`} className={buttonClass('secondary')}>
              {t('report.download')}
            </a>
            {job.state === 'applied' ? (
              <JobButton
                action={undoImportAction}
                fields={{ id }}
                label={t('report.undo')}
                confirm={t('report.undoConfirm')}
                variant="danger"
              />
            ) : null}
          </div>
          {left.length ? (
            <div className="mt-4 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
              <p className="font-semibold">{t('report.leftList')}</p>
              <p>{left.map((r) => `${t('review.line')} ${r.line}`).join(', ')}</p>
            </div>
          ) : null}
        </section>
      ) : (
        <section className="mb-6">
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Stat label={t('status.new')} value={n('new')} className="border-l-4 border-l-emerald-500" />
            <Stat label={t('status.changed')} value={n('changed')} className="border-l-4 border-l-amber-500" />
            <Stat label={t('status.unchanged')} value={n('unchanged')} className="border-l-4 border-l-gray-400" />
            <Stat label={t('status.error')} value={n('error')} className="border-l-4 border-l-red-500" />
          </div>
          {editable ? (
            <div className="mt-4 flex flex-wrap items-start justify-between gap-3">
              <JobButton action={cancelImportAction} fields={{ id }} label={t('review.cancel')} variant="ghost" />
              <JobButton
                action={applyImportAction}
                fields={{ id }}
                label={t('review.apply')}
                confirm={t('review.applyConfirm', { count: toApply })}
                size="lg"
              />
            </div>
          ) : null}
        </section>
      )}
      <nav aria-label={t('review.title')} className="mb-3 flex flex-wrap gap-2">
        {rowFilters.map((f) => (
          <Link
            key={f}
            href={link(f)}
            aria-current={f === filter ? 'page' : undefined}
            className={buttonClass(f === filter ? 'primary' : 'secondary', 'sm')}
          >
            {f === 'all' ? t('review.all') : f === 'excluded' ? t('review.excluded') : t(`status.${f}`)}
          </Link>
        ))}
      </nav>
      {rows.length ? (
        <ReviewRows rows={rows} jobId={id} editable={editable} locale={ctx.locale} />
      ) : (
        <p className="rounded-xl border border-dashed border-gray-300 bg-white p-6 text-center text-sm text-gray-600">
          {t('review.none')}
        </p>
      )}
      {total > page * rowPageSize ? (
        <div className="mt-4 flex justify-end">
          <Link href={link(filter, page + 1)} className={buttonClass('secondary', 'sm')}>
            {t('review.more')}
          </Link>
        </div>
      ) : null}
    </ClientMessages>
  );
}
