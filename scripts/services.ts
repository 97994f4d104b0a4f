import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createDb } from '../lib/db/client';
import { runMigrations } from '../lib/db/migrate';
import { seedDemo } from '../lib/db/seed';
import { parseEnv, type Env } from '../lib/env';
import { appRole, bootstrapRoles, ownerRole, urlAs, warnAboutAppRole } from '../lib/db/roles';
import { portIsFree, s3rverCredentials, startPostgres, startS3, tenantOriginPatterns } from '../lib/services/embedded';

/**
 * Shared by the launcher, the CLI and the bench: fills in what the environment leaves open with the
 * embedded services (PostgreSQL in <data>/postgres, s3rver in <data>/s3) and a generated AUTH_SECRET.
 */
export interface Services {
  env: Env;
  /** Variables to hand to child processes (next start/dev). */
  vars: Record<string, string>;
  stop(): Promise<void>;
}

/** Fixed local ports derived from the app port, so two instances (app and tests) do not collide. */
export function localPorts(appPort: number): { postgres: number; s3: number } {
  return { postgres: 54000 + (appPort % 1000), s3: 45000 + (appPort % 1000) };
}

async function persistedSecret(file: string, bytes: number): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const value = randomBytes(bytes).toString('base64url');
  await writeFile(file, value, { mode: 0o600 });
  return value;
}

/** The embedded cluster's roles (it listens on 127.0.0.1 only). */
export const localRolePasswords = { owner: 'mappe-local-owner', app: 'mappe-local-app' } as const;
const embeddedSuperUrl = (port: number) => `postgres://postgres:mappe-local@127.0.0.1:${port}/mappe`;

export async function prepareServices(
  options: { migrate?: boolean; seed?: boolean; log?: (s: string) => void } = {},
): Promise<Services> {
  const log = options.log ?? ((s: string) => console.log(s));
  const base = parseEnv(process.env);
  const dataDir = path.resolve(base.MAPPE_DATA_DIR);
  await mkdir(dataDir, { recursive: true });
  const ports = localPorts(base.PORT);
  const stops: (() => Promise<void>)[] = [];
  const vars: Record<string, string> = {};

  try {
    if (!base.DATABASE_URL) {
      if (await portIsFree(ports.postgres)) {
        log(
          `• PostgreSQL (embedded) starting on 127.0.0.1:${ports.postgres}, data in ${path.join(dataDir, 'postgres')}`,
        );
        const pg = await startPostgres({ dir: path.join(dataDir, 'postgres'), port: ports.postgres, log });
        await pg.createDatabase('mappe');
        stops.push(() => pg.stop());
      } else {
        // Already running (e.g. the app is up and this is the CLI): use it.
        log(`• PostgreSQL (embedded) already running on 127.0.0.1:${ports.postgres}`);
      }
      // The superuser only sets up the roles: migrations run as the owner, the app as mappe_app.
      const superUrl = embeddedSuperUrl(ports.postgres);
      await bootstrapRoles(superUrl, 'mappe', localRolePasswords);
      vars.DATABASE_URL = urlAs(superUrl, appRole, localRolePasswords.app);
      vars.MIGRATION_DATABASE_URL = urlAs(superUrl, ownerRole, localRolePasswords.owner);
    }
    if (!base.S3_ENDPOINT) {
      if (await portIsFree(ports.s3)) {
        log(`• S3 stand-in (s3rver) starting on 127.0.0.1:${ports.s3}, data in ${path.join(dataDir, 's3')}`);
        const s3 = await startS3({
          dir: path.join(dataDir, 's3'),
          port: ports.s3,
          bucket: base.S3_BUCKET,
          origins: tenantOriginPatterns(base),
        });
        stops.push(() => s3.stop());
      }
      vars.S3_ENDPOINT = `http://127.0.0.1:${ports.s3}`;
      vars.S3_ACCESS_KEY_ID = s3rverCredentials.accessKeyId;
      vars.S3_SECRET_ACCESS_KEY = s3rverCredentials.secretAccessKey;
      vars.S3_FORCE_PATH_STYLE = 'true';
    }
    if (!base.AUTH_SECRET) vars.AUTH_SECRET = await persistedSecret(path.join(dataDir, 'auth-secret'), 48);
    if (!base.PLATFORM_ADMIN_PASSWORD)
      vars.PLATFORM_ADMIN_PASSWORD = await persistedSecret(path.join(dataDir, 'platform-password'), 18);

    Object.assign(process.env, vars);
    const finalEnv = parseEnv(process.env);
    const ownerUrl = finalEnv.MIGRATION_DATABASE_URL ?? finalEnv.DATABASE_URL!;
    if (options.migrate !== false) {
      await runMigrations(ownerUrl);
      log(
        finalEnv.MIGRATION_DATABASE_URL
          ? '• Database migrations applied (MIGRATION_DATABASE_URL)'
          : '• Database migrations applied with DATABASE_URL (no MIGRATION_DATABASE_URL)',
      );
      await warnAboutAppRole(finalEnv.DATABASE_URL!, log);
    }
    if (options.seed) {
      const { db, sql } = createDb(ownerUrl, 1);
      try {
        const { created } = await seedDemo(db);
        log(created.length ? `• Demo tenants created: ${created.join(', ')}` : '• Demo tenants present');
      } finally {
        await sql.end({ timeout: 5 });
      }
    }
    return {
      env: finalEnv,
      vars,
      async stop() {
        for (const stop of stops.reverse()) await stop().catch(() => {});
      },
    };
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    throw error;
  }
}
