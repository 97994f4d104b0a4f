import { z } from 'zod';

/**
 * The only reader of process.env. Every variable is listed in README ("Configuration").
 * A wrong value stops start-up with one clear message per variable.
 */

const hostname = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const bool = (fallback: boolean) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      if (['1', 'true', 'yes', 'on'].includes(v)) return true;
      if (['0', 'false', 'no', 'off'].includes(v)) return false;
      ctx.addIssue({ code: 'custom', message: 'expected true or false' });
      return z.NEVER;
    });

const port = z.coerce.number().int().min(1).max(65535);

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL')
        .optional(),
    ),
    /**
     * The owner role's connection, used only to apply migrations (and the local demo seed). Unset: migrations
     * run with DATABASE_URL, and a loud warning says so when that role is a superuser or owns the tables.
     */
    MIGRATION_DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL')
        .optional(),
    ),
    /** Connections per app instance (each instance has one pool). */
    DATABASE_POOL_MAX: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z.coerce.number().int().min(1).max(200).default(10),
    ),
    /** Named prepared statements; `false` behind a pooler in transaction mode that cannot keep them. */
    DATABASE_PREPARE: bool(true),
    S3_ENDPOINT: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    S3_REGION: z.string().trim().min(1).default('eu-central-1'),
    S3_BUCKET: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid S3 bucket name')
      .default('mappe'),
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
    S3_FORCE_PATH_STYLE: bool(true),
    RESEND_API_KEY: optionalString.pipe(z.string().startsWith('re_', 'must start with re_').optional()),
    RESEND_BASE_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    MAIL_FROM: optionalString,
    AUTH_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    /** Key for secrets at rest (TOTP secrets, recovery-code pepper); derived from AUTH_SECRET when unset. */
    MAPPE_SECRET_KEY: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    APP_ROOT_DOMAIN: z
      .string()
      .trim()
      .toLowerCase()
      .regex(hostname, 'must be a host name such as mappe.de or localhost (no scheme, no port)')
      .default('localhost'),
    APP_URL_SCHEME: z.enum(['http', 'https']).optional(),
    APP_PUBLIC_PORT: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), port.optional()),
    PORT: port.default(3000),
    TRUST_PROXY: bool(false),
    /** Reverse proxies in front of the app that append to X-Forwarded-For / X-Forwarded-Host (with TRUST_PROXY). */
    TRUST_PROXY_HOPS: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z.coerce.number().int().min(1).max(10).default(1),
    ),
    PLATFORM_ADMIN_PASSWORD: optionalString.pipe(z.string().min(12, 'must be at least 12 characters').optional()),
    PLATFORM_SUPPORT_EMAIL: optionalString.pipe(z.email('must be an e-mail address').optional()),
    DEV_MAILBOX: optionalString,
    MAIL_WORKER: bool(true),
    MAPPE_DATA_DIR: z.string().trim().min(1).default('.data'),
    MAPPE_SEED: optionalString,
  })
  .superRefine((v, ctx) => {
    if (Boolean(v.S3_ACCESS_KEY_ID) !== Boolean(v.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({
        code: 'custom',
        path: ['S3_SECRET_ACCESS_KEY'],
        message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together',
      });
    }
    for (const key of ['DEV_MAILBOX', 'MAPPE_SEED'] as const) {
      if (v[key] !== undefined && !['true', 'false'].includes(v[key])) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'expected true or false' });
      }
    }
  })
  .transform((v) => {
    const isLocal = v.APP_ROOT_DOMAIN === 'localhost' || v.APP_ROOT_DOMAIN.endsWith('.localhost');
    const scheme = v.APP_URL_SCHEME ?? (isLocal ? 'http' : 'https');
    const publicPort = v.APP_PUBLIC_PORT ?? (isLocal ? v.PORT : undefined);
    return {
      ...v,
      APP_URL_SCHEME: scheme,
      APP_PUBLIC_PORT: publicPort,
      /**
       * The local mailbox page shows live activation and reset links, so it is on only where no real mail
       * passes: `npm run dev` and the test runs (NODE_ENV development/test) without a Resend key, or when
       * DEV_MAILBOX=true is set explicitly. It is always behind the operator login (proxy.ts).
       */
      DEV_MAILBOX:
        v.DEV_MAILBOX === undefined ? v.NODE_ENV !== 'production' && !v.RESEND_API_KEY : v.DEV_MAILBOX === 'true',
      /** The demo tenants (with README's passwords) only on the local embedded setup, or when asked. */
      MAPPE_SEED: v.MAPPE_SEED === undefined ? !v.DATABASE_URL : v.MAPPE_SEED === 'true',
      MAIL_FROM: v.MAIL_FROM ?? `Mappe <noreply@${isLocal ? 'mappe.localhost' : v.APP_ROOT_DOMAIN}>`,
    };
  });

export type Env = z.output<typeof schema>;

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Pure: validates any environment-like record. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`));
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated process environment (cached). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Settings the running app cannot work without (the launcher provides them locally). */
export function serverEnv(): Env & { DATABASE_URL: string; AUTH_SECRET: string } {
  const e = env();
  const missing: string[] = [];
  if (!e.DATABASE_URL) missing.push('DATABASE_URL: required (npm start sets it for the embedded database)');
  if (!e.AUTH_SECRET) missing.push('AUTH_SECRET: required, at least 32 random characters');
  if (missing.length) throw new EnvError(missing);
  return e as Env & { DATABASE_URL: string; AUTH_SECRET: string };
}

/** For tests only: forget the cached environment. */
export function resetEnvCache(): void {
  cached = undefined;
}
