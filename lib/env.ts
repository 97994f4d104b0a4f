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
    PLATFORM_ADMIN_PASSWORD: optionalString.pipe(
      z.string().min(12, 'must be at least 12 characters').optional(),
    ),
    PLATFORM_SUPPORT_EMAIL: optionalString.pipe(z.email('must be an e-mail address').optional()),
    DEV_MAILBOX: optionalString,
    MAIL_WORKER: bool(true),
    MAPPE_DATA_DIR: z.string().trim().min(1).default('.data'),
    MAPPE_SEED: bool(true),
  })
  .superRefine((v, ctx) => {
    if (Boolean(v.S3_ACCESS_KEY_ID) !== Boolean(v.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({
        code: 'custom',
        path: ['S3_SECRET_ACCESS_KEY'],
        message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together',
      });
    }
    if (v.DEV_MAILBOX !== undefined && !['true', 'false'].includes(v.DEV_MAILBOX)) {
      ctx.addIssue({ code: 'custom', path: ['DEV_MAILBOX'], message: 'expected true or false' });
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
      /** Mails stay in the local mailbox page when there is no Resend key (development, demos, tests). */
      DEV_MAILBOX: v.DEV_MAILBOX === undefined ? !v.RESEND_API_KEY : v.DEV_MAILBOX === 'true',
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
    throw new EnvError(
      result.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`),
    );
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
