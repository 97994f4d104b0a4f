'use client';

/** Unexpected errors: a calm German message with a reference, never the error's text. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-dvh items-center justify-center p-6">
      <div className="w-full max-w-md rounded-2xl bg-white p-8 text-center shadow-sm ring-1 ring-black/5">
        <h1 className="text-xl font-bold">Etwas ist schiefgelaufen</h1>
        <p className="mt-3 text-gray-600">
          Bitte versuchen Sie es erneut. Wenn der Fehler bleibt, nennen Sie uns diese Referenz: {error.digest ?? '–'}
        </p>
        <button type="button" onClick={reset} className="mt-6 h-11 rounded-lg bg-primary px-4 text-sm font-semibold text-on-primary">
          Erneut versuchen
        </button>
      </div>
    </main>
  );
}
