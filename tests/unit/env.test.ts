import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '../../lib/env';

function problems(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(EnvError);
    return (e as EnvError).problems;
  }
}

describe('environment validation', () => {
  it('has working local defaults', () => {
    const e = parseEnv({});
    expect(e.APP_ROOT_DOMAIN).toBe('localhost');
    expect(e.APP_URL_SCHEME).toBe('http');
    expect(e.APP_PUBLIC_PORT).toBe(3000);
    expect(e.DEV_MAILBOX).toBe(true);
    expect(e.MAIL_WORKER).toBe(true);
    expect(e.S3_BUCKET).toBe('mappe');
    expect(e.MAPPE_SEED).toBe(true);
  });

  it('keeps the local mailbox off in production unless it is asked for', () => {
    expect(parseEnv({ NODE_ENV: 'production' }).DEV_MAILBOX).toBe(false);
    expect(parseEnv({ NODE_ENV: 'test' }).DEV_MAILBOX).toBe(true);
    expect(parseEnv({ NODE_ENV: 'development', RESEND_API_KEY: 're_1' }).DEV_MAILBOX).toBe(false);
    expect(parseEnv({ NODE_ENV: 'production', DEV_MAILBOX: 'true' }).DEV_MAILBOX).toBe(true);
  });

  it('sizes the connection pool and switches prepared statements off for transaction poolers', () => {
    expect(parseEnv({})).toMatchObject({ DATABASE_POOL_MAX: 10, DATABASE_PREPARE: true });
    expect(parseEnv({ DATABASE_POOL_MAX: '25', DATABASE_PREPARE: 'false' })).toMatchObject({
      DATABASE_POOL_MAX: 25,
      DATABASE_PREPARE: false,
    });
    expect(problems({ DATABASE_POOL_MAX: '0' })).toEqual([expect.stringContaining('DATABASE_POOL_MAX')]);
    expect(problems({ DATABASE_POOL_MAX: 'viele' })).toEqual([expect.stringContaining('DATABASE_POOL_MAX')]);
    expect(problems({ DATABASE_PREPARE: 'vielleicht' })).toEqual([expect.stringContaining('DATABASE_PREPARE')]);
  });

  it('seeds the demo tenants only on the embedded database or when asked', () => {
    const external = { DATABASE_URL: 'postgres://app:secret@db.internal:5432/mappe' };
    expect(parseEnv(external).MAPPE_SEED).toBe(false);
    expect(parseEnv({ ...external, MAPPE_SEED: 'true' }).MAPPE_SEED).toBe(true);
    expect(parseEnv({ MAPPE_SEED: 'false' }).MAPPE_SEED).toBe(false);
  });

  it('defaults to https without a port on a real domain', () => {
    const e = parseEnv({ APP_ROOT_DOMAIN: 'mappe.de', RESEND_API_KEY: 're_123' });
    expect(e.APP_URL_SCHEME).toBe('https');
    expect(e.APP_PUBLIC_PORT).toBeUndefined();
    expect(e.DEV_MAILBOX).toBe(false);
    expect(e.MAIL_FROM).toBe('Mappe <noreply@mappe.de>');
  });

  it('takes external services when configured', () => {
    const e = parseEnv({
      DATABASE_URL: 'postgres://app:secret@db.internal:5432/mappe',
      S3_ENDPOINT: 'https://s3.eu-central-1.amazonaws.com',
      S3_ACCESS_KEY_ID: 'AKIA',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: 'false',
      PORT: '8080',
    });
    expect(e.DATABASE_URL).toContain('db.internal');
    expect(e.S3_FORCE_PATH_STYLE).toBe(false);
    expect(e.PORT).toBe(8080);
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ S3_ENDPOINT: 'ftp://s3' }, 'S3_ENDPOINT'],
    [{ S3_BUCKET: 'Not_A_Bucket' }, 'S3_BUCKET'],
    [{ S3_ACCESS_KEY_ID: 'only-one' }, 'S3_SECRET_ACCESS_KEY'],
    [{ RESEND_API_KEY: 'sk_live' }, 'RESEND_API_KEY'],
    [{ AUTH_SECRET: 'short' }, 'AUTH_SECRET'],
    [{ APP_ROOT_DOMAIN: 'https://mappe.de' }, 'APP_ROOT_DOMAIN'],
    [{ APP_ROOT_DOMAIN: 'mappe.de:3000' }, 'APP_ROOT_DOMAIN'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'],
    [{ PLATFORM_ADMIN_PASSWORD: 'kurz' }, 'PLATFORM_ADMIN_PASSWORD'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ DEV_MAILBOX: 'ja' }, 'DEV_MAILBOX'],
    [{ MAPPE_SEED: 'vielleicht' }, 'MAPPE_SEED'],
  ])('rejects %o with a message naming %s', (source, variable) => {
    const list = problems(source as Record<string, string>);
    expect(list.length).toBeGreaterThan(0);
    expect(list.join('\n')).toContain(variable);
  });

  it('lists every problem at once', () => {
    expect(problems({ PORT: 'x', S3_BUCKET: 'X', AUTH_SECRET: 'y' })).toHaveLength(3);
  });
});
