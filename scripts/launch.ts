/**
 * `npm start` / `npm run dev`: embedded PostgreSQL + s3rver (unless DATABASE_URL / S3_ENDPOINT are set),
 * migrations, demo seed, a build when the sources changed, then Next.js through scripts/server.ts (which sets
 * the client address from the socket, see there). Ctrl-C stops everything.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { demoLogins } from '../lib/db/seed';
import { EnvError, parseEnv } from '../lib/env';
import { noMailProviderWarning } from '../lib/mail/sender';
import { prepareServices, type Services } from './services';

const mode = process.argv[2] === 'dev' ? 'dev' : 'start';
const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const serverScript = path.join(root, 'scripts', 'server.ts');
const tsxLoader = path.join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs');
const buildInputs = [
  'app',
  'components',
  'lib',
  'i18n',
  'messages',
  'public',
  'types',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.ts',
  'postcss.config.mjs',
  'tsconfig.json',
  'tsconfig.build.json',
  'package-lock.json',
];

function sourceHash(): string {
  const hash = createHash('sha256');
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(p).sort()) walk(path.join(p, entry));
    } else {
      hash.update(path.relative(root, p));
      hash.update(readFileSync(p));
    }
  };
  for (const input of buildInputs) walk(path.join(root, input));
  return hash.digest('hex');
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [nextBin, ...args], { stdio: 'inherit', env });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/** `--max-old-space-size` for the app server: MAPPE_HEAP_MB (production only); unset or 0: V8's own. */
function heapLimit(kind: string): string[] {
  const raw = process.env.MAPPE_HEAP_MB;
  const mib = raw === undefined || raw === '' || kind === 'dev' ? 0 : Number(raw);
  return Number.isInteger(mib) && mib > 0 ? [`--max-old-space-size=${mib}`] : [];
}

async function main(): Promise<void> {
  const running: { services?: Services; child?: ChildProcess } = {};
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const child = running.child;
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => {
        const t = setTimeout(() => {
          child?.kill('SIGKILL');
          r(undefined);
        }, 8000);
        child.once('exit', () => {
          clearTimeout(t);
          r(undefined);
        });
      });
    }
    await running.services?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  const services = await prepareServices({ seed: parseEnv(process.env).MAPPE_SEED });
  running.services = services;
  const e = services.env;
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...services.vars, NEXT_TELEMETRY_DISABLED: '1' };

  if (mode === 'start') {
    const stampFile = path.join(root, '.next', 'mappe-source-hash');
    const hash = sourceHash();
    const built =
      existsSync(path.join(root, '.next', 'BUILD_ID')) &&
      existsSync(stampFile) &&
      readFileSync(stampFile, 'utf8') === hash;
    if (!built) {
      console.log('• Building the app (next build) – only when the sources changed …');
      const code = await run(['build'], { ...childEnv, NODE_ENV: 'production' });
      if (code !== 0) {
        console.error('✖ next build failed');
        return shutdown(code);
      }
      writeFileSync(stampFile, hash);
    }
  }

  const port = String(e.PORT);
  const child = spawn(
    process.execPath,
    [
      // MAPPE_CPU_PROF=<dir> (npm run bench with BENCH_CPU_PROF): a V8 CPU profile of the app server on exit.
      ...(process.env.MAPPE_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.MAPPE_CPU_PROF}`] : []),
      // MAPPE_INSPECT=<port>: the inspector on 127.0.0.1 (profiling under load, heap snapshots; scripts/inspect.mjs).
      ...(process.env.MAPPE_INSPECT ? [`--inspect=127.0.0.1:${process.env.MAPPE_INSPECT}`] : []),
      // V8's old-space limit of the app server (MAPPE_HEAP_MB, opt-in). Without it V8 sizes the heap from the machine's
      // memory and lets garbage pile up under load: the bench's peak RSS was 1,258 MiB for a live heap of ~150 MiB,
      // and 487 MiB with 256, no failed request on Node 20 (issue 17).
      ...heapLimit(mode),
      '--import',
      pathToFileURL(tsxLoader).href,
      serverScript,
      ...(mode === 'dev' ? ['--dev'] : []),
    ],
    {
      stdio: 'inherit',
      env: { ...childEnv, PORT: port, NODE_ENV: mode === 'dev' ? 'development' : 'production' },
    },
  );
  running.child = child;
  child.on('exit', (code) => void shutdown(code ?? 0));

  const base = (slug: string) =>
    `${e.APP_URL_SCHEME}://${slug}.${e.APP_ROOT_DOMAIN}${e.APP_PUBLIC_PORT ? `:${e.APP_PUBLIC_PORT}` : ''}`;
  const platform = `${e.APP_URL_SCHEME}://${e.APP_ROOT_DOMAIN}${e.APP_PUBLIC_PORT ? `:${e.APP_PUBLIC_PORT}` : ''}`;
  const d = demoLogins;
  const seeded = parseEnv(process.env).MAPPE_SEED;
  const served = parseEnv({ ...childEnv, NODE_ENV: mode === 'dev' ? 'development' : 'production' });
  const lines = [`  Mappe läuft (${mode === 'dev' ? 'Entwicklung' : 'Produktion'}):`];
  if (seeded) {
    lines.push(
      `    Demo Makler GmbH       ${base('demo')}/login`,
      `        Admin              ${d.demo.admin.username} / ${d.demo.admin.password}`,
      `        Mitarbeiter        ${d.demo.employee.username} / ${d.demo.employee.password}`,
      `        Kunde              ${d.demo.client.username} / ${d.demo.client.password}`,
      `    Nordlicht Finanz GmbH  ${base('nord')}/login`,
      `        Admin              ${d.nord.admin.username} / ${d.nord.admin.password}`,
    );
  }
  const operatorLogin = `Benutzer "betreiber", Passwort in ${path.join(e.MAPPE_DATA_DIR, 'platform-password')} oder PLATFORM_ADMIN_PASSWORD`;
  if (served.DEV_MAILBOX) lines.push(`    Postfach (lokal)       ${base('demo')}/dev/mailbox  (${operatorLogin})`);
  lines.push(`    Betreiber-Bereich      ${platform}/  (${operatorLogin})`, '  Beenden mit Strg+C.');
  console.log(`\n${lines.join('\n')}\n`);
  if (!served.RESEND_API_KEY && !served.DEV_MAILBOX) console.warn(noMailProviderWarning);
}

main().catch((error) => {
  if (error instanceof EnvError) {
    console.error(`✖ ${error.message}`);
  } else {
    console.error('✖ Start failed:', error);
  }
  process.exit(1);
});
