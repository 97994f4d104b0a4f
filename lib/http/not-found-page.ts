import { translate, type Locale } from '../i18n';

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * A self-contained 404 page for hosts that belong to no tenant (no app shell, no scripts). No tenant means
 * no language setting: German first, English below it.
 */
export function unknownHostHtml(): string {
  const block = (locale: Locale) =>
    `<section lang="${locale}"><h1>${escape(translate(locale, 'notFound.unknownHost.heading'))}</h1><p>${escape(translate(locale, 'notFound.unknownHost.text'))}</p></section>`;
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(translate('de', 'notFound.unknownHost.title'))}</title><meta name="robots" content="noindex"><style>
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f3f4f6;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937}
main{max-width:28rem;margin:1.5rem;padding:2.5rem 2rem;background:#fff;border-radius:1rem;box-shadow:0 10px 30px rgba(0,0,0,.08);text-align:center}
.code{font-size:3rem;font-weight:700;color:#9ca3af;margin:0}h1{font-size:1.35rem;margin:.5rem 0 1rem}p{line-height:1.6;color:#4b5563;margin:0}
section+section{margin-top:1.5rem;padding-top:1.5rem;border-top:1px solid #e5e7eb}
</style></head><body><main><p class="code">404</p>${block('de')}${block('en')}</main></body></html>`;
}
