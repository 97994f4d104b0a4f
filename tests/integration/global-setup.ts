import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { runMigrations } from '../../lib/db/migrate';
import { testRolePasswords } from './roles-local';
import { appRole, bootstrapRoles, ownerRole, urlAs } from '../../lib/db/roles';
import { freePort, s3rverCredentials, startPostgres, startS3, tenantOriginPatterns } from '../../lib/services/embedded';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    /** The template's owner (migrations) and the app role (what the tests' `db` connects as). */
    ownerUrl: string;
    appUrl: string;
    templateDb: string;
    s3Endpoint: string;
    s3Bucket: string;
  }
}

const TEMPLATE = 'mappe_template';

/**
 * One PostgreSQL for the whole run (embedded, or TEST_DATABASE_URL's server – CI also runs this suite
 * against Debian's PostgreSQL 15) and one s3rver. Migrations run once into a template database; every
 * test file clones it (CREATE DATABASE … TEMPLATE), which is fast and keeps files isolated.
 */
export default async function setup(project: TestProject) {
  const stops: (() => Promise<void>)[] = [];
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'mappe-it-'));
  await chmod(tmp, 0o755); // the embedded server runs as the 'postgres' user when we are root
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const pg = await startPostgres({ dir: path.join(tmp, 'postgres'), port: await freePort() });
    stops.push(() => pg.stop());
    adminUrl = pg.url('postgres');
  }
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const stale = await admin`SELECT datname FROM pg_database WHERE datname LIKE 'mappe_t_%' OR datname = ${TEMPLATE}`;
  for (const { datname } of stale) await admin.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${TEMPLATE}`);
  await admin.end();
  // Like a deployment: the owner role migrates, the tests' connections use the app role (no owner rights).
  await bootstrapRoles(adminUrl, TEMPLATE, testRolePasswords);
  const templateUrl = new URL(urlAs(adminUrl, ownerRole, testRolePasswords.owner));
  templateUrl.pathname = `/${TEMPLATE}`;
  await runMigrations(templateUrl.toString());

  const bucket = 'mappe-test';
  // The tests' tenant hosts (tests/integration/setup.ts sets APP_ROOT_DOMAIN=localhost).
  const origins = tenantOriginPatterns({ APP_URL_SCHEME: 'http', APP_ROOT_DOMAIN: 'localhost', APP_PUBLIC_PORT: 3000 });
  const s3 = await startS3({ dir: path.join(tmp, 's3'), port: await freePort(), bucket, origins });
  stops.push(() => s3.stop());

  project.provide('adminUrl', adminUrl);
  project.provide('ownerUrl', urlAs(adminUrl, ownerRole, testRolePasswords.owner));
  project.provide('appUrl', urlAs(adminUrl, appRole, testRolePasswords.app));
  project.provide('templateDb', TEMPLATE);
  project.provide('s3Endpoint', s3.endpoint);
  project.provide('s3Bucket', bucket);
  process.env.S3_ACCESS_KEY_ID = s3rverCredentials.accessKeyId;
  process.env.S3_SECRET_ACCESS_KEY = s3rverCredentials.secretAccessKey;

  return async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    await rm(tmp, { recursive: true, force: true });
  };
}
