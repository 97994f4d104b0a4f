/** A self-contained German 404 page for hosts that belong to no tenant (no app shell, no scripts). */
export function unknownHostHtml(): string {
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Seite nicht gefunden</title><meta name="robots" content="noindex"><style>
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f3f4f6;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937}
main{max-width:28rem;margin:1.5rem;padding:2.5rem 2rem;background:#fff;border-radius:1rem;box-shadow:0 10px 30px rgba(0,0,0,.08);text-align:center}
.code{font-size:3rem;font-weight:700;color:#9ca3af;margin:0}h1{font-size:1.35rem;margin:.5rem 0 1rem}p{line-height:1.6;color:#4b5563;margin:0}
</style></head><body><main><p class="code">404</p><h1>Diese Adresse ist uns nicht bekannt</h1><p>Unter dieser Adresse gibt es kein Kundenportal. Bitte prüfen Sie die Schreibweise oder nutzen Sie den Link, den Ihr Makler Ihnen geschickt hat.</p></main></body></html>`;
}
