/**
 * Two app instances on one PostgreSQL and one S3 (issue 17, "Scale-out, proven"): an embedded PostgreSQL and
 * s3rver of their own (so the rest of the suite is untouched), both instances from the same build as the
 * suite's server, and a stand-in for the Resend API that records every send with its idempotency key.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';
import { createDb } from '../../lib/db/client';
import { runMigrations } from '../../lib/db/migrate';
import { appRole, bootstrapRoles, ownerRole, urlAs } from '../../lib/db/roles';
import { seedDemo } from '../../lib/db/seed';
import { freePort, s3rverCredentials, startPostgres, startS3 } from '../../lib/services/embedded';

export interface Sent {
  to: string[];
  subject: string;
  text: string;
  idempotencyKey: string | null;
}

export interface FakeResend {
  url: string;
  /** Accepted sends, in order. */
  sent: Sent[];
  /** Requests answered 503 while `down` was set. */
  refused: number;
  down: boolean;
  stop(): Promise<void>;
}

/** Answers POST /emails like Resend and keeps what it got; with `down` set it answers 503 like an outage. */
export async function startFakeResend(): Promise<FakeResend> {
  const sent: Sent[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/emails' && fake.down) {
        fake.refused++;
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end('{"name":"internal_server_error","message":"down for the test"}');
        return;
      }
      if (req.method === 'POST' && req.url === '/emails') {
        const mail = JSON.parse(body) as { to: string | string[]; subject: string; text?: string };
        sent.push({
          to: Array.isArray(mail.to) ? mail.to : [mail.to],
          subject: mail.subject,
          text: mail.text ?? '',
          idempotencyKey: (req.headers['idempotency-key'] as string | undefined) ?? null,
        });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `fake-${sent.length}` }));
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"message":"not found"}');
    });
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const fake: FakeResend = {
    url: `http://127.0.0.1:${port}`,
    sent,
    refused: 0,
    down: false,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
  return fake;
}

export interface Instance {
  port: number;
  base(slug: string): string;
  /** The last 20,000 characters the instance printed. */
  log(): string;
  /** How many stack-trace lines ("    at …") the instance printed since it started. */
  stackLines(): number;
  stop(): Promise<void>;
}

export interface Cluster {
  databaseUrl: string;
  sql: postgres.Sql;
  resend: FakeResend;
  a: Instance;
  /** The second instance (the first again with `instances: 1`). */
  b: Instance;
  /** Fault injection: the object store and the database go away and come back on the same port and data. */
  stopStorage(): Promise<void>;
  startStorage(): Promise<void>;
  stopDatabase(): Promise<void>;
  startDatabase(): Promise<void>;
  stop(): Promise<void>;
}

async function waitForHealth(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`instance on ${port} exited:\n${output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`instance on ${port} did not come up:\n${output()}`);
}

async function startInstance(env: NodeJS.ProcessEnv, port: number): Promise<Instance> {
  const root = process.cwd();
  const loader = pathToFileURL(path.join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', loader, path.join(root, 'scripts', 'server.ts')], {
    env: { ...env, PORT: String(port), APP_PUBLIC_PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  let stackLines = 0;
  const keep = (c: Buffer) => {
    const text = c.toString();
    stackLines += text.match(/^\s+at .+:\d+:\d+\)?$/gm)?.length ?? 0;
    log = (log + text).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  await waitForHealth(port, child, () => log);
  return {
    port,
    base: (slug) => `http://${slug}.localhost:${port}`,
    log: () => log,
    stackLines: () => stackLines,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Starts PostgreSQL, s3rver and the Resend stand-in, migrates and seeds, optionally prepares the database
 * (rows the instances' background work finds at boot), then boots the instances at the same time.
 */
export async function startCluster(
  options: { instances?: 1 | 2; prepare?: (sql: postgres.Sql) => Promise<void> } = {},
): Promise<Cluster> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mappe-cluster-'));
  // As root, the embedded PostgreSQL runs as the 'postgres' user, which must reach its data folder.
  await chmod(dir, 0o755);
  const pgPort = await freePort();
  let pg = await startPostgres({ dir: path.join(dir, 'pg'), port: pgPort });
  await pg.createDatabase('mappe');
  // As in production: the owner role migrates and seeds, the instances connect as mappe_app.
  const passwords = { owner: 'cluster-owner', app: 'cluster-app' };
  await bootstrapRoles(pg.url('mappe'), 'mappe', passwords);
  const databaseUrl = pg.url('mappe');
  const ownerUrl = urlAs(databaseUrl, ownerRole, passwords.owner);
  const appUrl = urlAs(databaseUrl, appRole, passwords.app);
  const ports = [await freePort(), await freePort()] as const;
  const s3Options = {
    dir: path.join(dir, 's3'),
    port: await freePort(),
    bucket: 'mappe',
    origins: ports.map((p) => `http://*.localhost:${p}`),
  };
  let s3 = await startS3(s3Options);
  const resend = await startFakeResend();
  await runMigrations(ownerUrl);
  const seeded = createDb(ownerUrl, 1);
  await seedDemo(seeded.db);
  await seeded.sql.end({ timeout: 5 });
  const sql = postgres(databaseUrl, { max: 4, onnotice: () => {} });
  await options.prepare?.(sql);

  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'production',
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: appUrl,
    MIGRATION_DATABASE_URL: ownerUrl,
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY_ID: s3rverCredentials.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3rverCredentials.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
    AUTH_SECRET: 'cluster-test-secret-0123456789abcdef-0123456789',
    PLATFORM_ADMIN_PASSWORD: 'cluster-betreiber-passwort',
    RESEND_API_KEY: 're_cluster_test',
    RESEND_BASE_URL: resend.url,
    DEV_MAILBOX: 'false',
    MAPPE_SEED: 'false',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  const instances = await Promise.all(ports.slice(0, options.instances ?? 2).map((port) => startInstance(env, port)));
  const a = instances[0]!;
  const b = instances[1] ?? a;
  return {
    databaseUrl,
    sql,
    resend,
    a,
    b,
    stopStorage: () => s3.stop(),
    startStorage: async () => {
      s3 = await startS3(s3Options);
    },
    stopDatabase: () => pg.stop(),
    startDatabase: async () => {
      pg = await startPostgres({ dir: path.join(dir, 'pg'), port: pgPort });
    },
    async stop() {
      await Promise.all(instances.map((i) => i.stop()));
      await sql.end({ timeout: 5 });
      await resend.stop();
      await s3.stop().catch(() => {});
      await pg.stop().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}
