/**
 * The app server (`npm start` / `npm run dev` run it through scripts/launch.ts; in production:
 * `NODE_ENV=production node --import tsx scripts/server.ts`). Next.js with its programmatic API behind a plain
 * http server, because route handlers and server actions cannot see the socket: before Next gets a request,
 * X-Forwarded-For is replaced with the one client address – the socket's, or with TRUST_PROXY the entry
 * TRUST_PROXY_HOPS from the right – so no client can choose its address for throttling, sessions or audit.
 */
import { createServer } from 'node:http';
import next from 'next';
import { EnvError, parseEnv } from '../lib/env';
import { defaultLocale, isLocale, translate, type Locale } from '../lib/i18n';
import { normaliseForwardedFor } from '../lib/tenant/request-ip';

/** The language remembered on this browser (the `mappe.locale` cookie, i18n/request.ts), else German. */
function localeOfRequest(cookie: string | undefined): Locale {
  const chosen = /(?:^|;\s*)mappe\.locale=([^;]*)/.exec(cookie ?? '')?.[1];
  return isLocale(chosen) ? chosen : defaultLocale;
}

async function main(): Promise<void> {
  const e = parseEnv(process.env);
  const dev = process.argv.includes('--dev');
  // The tsx loader switches Node's source-map support on for everything loaded after it. In production that
  // parsed and kept the map (with its sources) of every Next chunk – about 80 MiB of the heap – and made each
  // stack trace expensive. MAPPE_SOURCE_MAPS=1 keeps them (readable stack traces while debugging). Switched off
  // here, after the static import of next, before Next loads the app's chunks; a dynamic import('next') at this
  // point made the end-to-end flows on Node 24 time out (two copies of Next's modules).
  if (!dev && process.env.MAPPE_SOURCE_MAPS !== '1') process.setSourceMapsEnabled(false);
  const forwarding = { trustProxy: e.TRUST_PROXY, hops: e.TRUST_PROXY_HOPS };

  const server = createServer();
  // Like `next start` without -H: listen on every interface, but let Next call itself "localhost"
  // (an IP address there breaks internal rewrites).
  const app = next({
    dev,
    dir: process.cwd(),
    hostname: 'localhost',
    port: e.PORT,
    httpServer: server,
    ...(dev ? { turbopack: true } : {}),
  });
  await app.prepare();
  const handle = app.getRequestHandler();

  server.on('request', (req, res) => {
    normaliseForwardedFor(req, forwarding);
    handle(req, res).catch((error: unknown) => {
      console.error('[server]', error);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('content-type', 'text/plain; charset=utf-8');
      }
      res.end(translate(localeOfRequest(req.headers.cookie), 'signin.server.failed'));
    });
  });

  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    const timer = setTimeout(() => process.exit(0), 5000);
    timer.unref();
    server.close();
    server.closeIdleConnections();
    void app.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(e.PORT, () => resolve());
  });
  console.log(
    `▲ Next.js (${dev ? 'dev' : 'production'}) on port ${e.PORT}${e.TRUST_PROXY ? `, trusting ${e.TRUST_PROXY_HOPS} proxy hop(s)` : ''}`,
  );
}

main().catch((error) => {
  console.error(error instanceof EnvError ? `✖ ${error.message}` : error);
  process.exit(1);
});
