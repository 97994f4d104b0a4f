import { translate, type Locale } from '../i18n';

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * A self-contained 404 page for hosts that belong to no tenant (no app shell, no scripts). No tenant means
 * no language setting: German first, English below it.
 */
export function unknownHostHtml(): string {
  return selfContainedPage('404', 'notFound.unknownHost.title', (locale) => [
    translate(locale, 'notFound.unknownHost.heading'),
    translate(locale, 'notFound.unknownHost.text'),
  ]);
}

/**
 * The page the interceptor serves while the database cannot be reached (so neither tenant nor language can
 * be read): the same calm page, German first, English below it, answered with 503 and Retry-After.
 */
export function unavailableHtml(): string {
  return selfContainedPage('503', 'error.title', (locale) => [
    translate(locale, 'error.title'),
    translate(locale, 'errors.unavailable'),
  ]);
}

function selfContainedPage(
  code: string,
  titleKey: 'notFound.unknownHost.title' | 'error.title',
  words: (locale: Locale) => [string, string],
): string {
  const block = (locale: Locale) => {
    const [heading, text] = words(locale);
    return `<section lang="${locale}"><h1>${escape(heading)}</h1><p>${escape(text)}</p></section>`;
  };
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(translate('de', titleKey))}</title><meta name="robots" content="noindex"><style>
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f3f4f6;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937}
main{max-width:28rem;margin:1.5rem;padding:2.5rem 2rem;background:#fff;border-radius:1rem;box-shadow:0 10px 30px rgba(0,0,0,.08);text-align:center}
.code{font-size:3rem;font-weight:700;color:#6b7280;margin:0}h1{font-size:1.35rem;margin:.5rem 0 1rem}p{line-height:1.6;color:#4b5563;margin:0}
section+section{margin-top:1.5rem;padding-top:1.5rem;border-top:1px solid #e5e7eb}
</style></head><body><main><p class="code">${code}</p>${block('de')}${block('en')}</main></body></html>`;
}
