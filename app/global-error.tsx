'use client';

import './globals.css';
import de from '@/messages/de/error.json';
import en from '@/messages/en/error.json';

/**
 * When even the root layout cannot render (the database is restarting, so the tenant and session cannot be
 * read): a page of its own, in German unless this browser chose English (the `mappe.locale` cookie), with a
 * reference and a retry – never Next's English default or the error's text.
 */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const english = typeof document !== 'undefined' && /(?:^|;\s*)mappe\.locale=en(?:;|$)/.test(document.cookie);
  const words = english ? en : de;
  const ref = error.digest ?? '–';
  return (
    <html lang={english ? 'en' : 'de'}>
      <body className="bg-gray-50 text-gray-900">
        <main className="flex min-h-dvh items-center justify-center p-6">
          <div className="w-full max-w-md rounded-2xl bg-white p-8 text-center shadow-sm ring-1 ring-black/5">
            <h1 className="text-xl font-bold">{words.title}</h1>
            <p className="mt-3 text-gray-700">{words.text.replace('{ref}', ref)}</p>
            <button
              type="button"
              onClick={() => window.location.reload()}
              className="mt-6 h-11 rounded-lg bg-gray-900 px-4 text-sm font-semibold text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-gray-900"
            >
              {words.retry}
            </button>
          </div>
        </main>
      </body>
    </html>
  );
}
