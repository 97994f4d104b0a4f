import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { platformCtx } from '@/lib/platform/request';
import { listSupport } from '@/lib/support/list';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('support.operator'))('title') };
}

/** The operator's inbox of "Anliegen mitteilen" (the platform layout checks the operator's login). */
export default async function SupportInboxPage() {
  const format = await getFormatter();
  const t = await getTranslations('support.operator');
  const requests = await listSupport(await platformCtx());
  return (
    <main className="mx-auto max-w-4xl px-5 py-10">
      <Link href="/" className="text-sm font-medium text-blue-700 hover:underline">
        {t('back')}
      </Link>
      <h1 className="mt-2 text-3xl font-bold text-gray-900">{t('title')}</h1>
      {requests.length === 0 ? <p className="mt-6 text-gray-600">{t('empty')}</p> : null}
      <ol className="mt-6 space-y-4">
        {requests.map((r) => (
          <li key={r.id} className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-black/5">
            <p className="text-xs text-gray-500">
              {format.dateTime(r.createdAt, { dateStyle: 'medium', timeStyle: 'short' })} · {r.tenantName} ·{' '}
              {r.authorName} &lt;{r.authorEmail}&gt;
            </p>
            <h2 className="mt-1 text-lg font-semibold text-gray-900">{r.subject}</h2>
            <p className="mt-2 whitespace-pre-line text-sm text-gray-700">{r.message}</p>
            {r.screenshots.length ? (
              <div className="mt-3 flex flex-wrap gap-2">
                {r.screenshots.map((url, i) => (
                  <a key={url} href={url} className="text-sm font-medium text-blue-700 hover:underline">
                    {t('screenshot', { n: i + 1 })}
                  </a>
                ))}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </main>
  );
}
