'use client';

import { useTranslations } from 'next-intl';

/** Unexpected errors: a calm message in the reader's language with a reference, never the error's text. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('error');
  return (
    <main className="flex min-h-dvh items-center justify-center p-6">
      <div className="w-full max-w-md rounded-2xl bg-white p-8 text-center shadow-sm ring-1 ring-black/5">
        <h1 className="text-xl font-bold">{t('title')}</h1>
        <p className="mt-3 text-gray-600">{t('text', { ref: error.digest ?? '–' })}</p>
        <button
          type="button"
          onClick={reset}
          className="mt-6 h-11 rounded-lg bg-primary px-4 text-sm font-semibold text-on-primary"
        >
          {t('retry')}
        </button>
      </div>
    </main>
  );
}
