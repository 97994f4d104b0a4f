/**
 * The embedded s3rver accepts unsigned requests, so it listens on 127.0.0.1 only and its bucket answers
 * CORS only for the tenant origins (issue 13, hardening): a page on a foreign origin cannot read from or
 * upload to it through the browser.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startS3, tenantOriginPatterns, type RunningS3 } from '../../lib/services/embedded';

let s3: RunningS3;
let tmp: string;
const bucket = 'cors-test';

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'mappe-cors-'));
  s3 = await startS3({
    dir: tmp,
    port: await freePort(),
    bucket,
    origins: tenantOriginPatterns({ APP_URL_SCHEME: 'http', APP_ROOT_DOMAIN: 'localhost', APP_PUBLIC_PORT: 3000 }),
  });
});
afterAll(async () => {
  await s3?.stop();
  await rm(tmp, { recursive: true, force: true });
});

async function preflight(origin: string, method = 'POST'): Promise<{ status: number; allow: string | null }> {
  const res = await fetch(`${s3.endpoint}/${bucket}`, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': method },
  });
  await res.arrayBuffer();
  return { status: res.status, allow: res.headers.get('access-control-allow-origin') };
}

describe('embedded s3rver', () => {
  it('listens on the loopback interface only', () => {
    expect(s3.host).toBe('127.0.0.1');
    expect(new URL(s3.endpoint).hostname).toBe('127.0.0.1');
  });

  it('answers a CORS preflight from a tenant origin', async () => {
    for (const origin of ['http://mueller.localhost:3000', 'http://schmidt-partner.localhost:3000']) {
      const r = await preflight(origin);
      expect(r.status, origin).toBe(200);
      expect(r.allow, origin).not.toBeNull();
    }
    // a simple request from the tenant gets its origin back
    const res = await fetch(`${s3.endpoint}/${bucket}/missing`, {
      headers: { Origin: 'http://mueller.localhost:3000' },
    });
    await res.arrayBuffer();
    expect(res.headers.get('access-control-allow-origin')).toBe('http://mueller.localhost:3000');
  });

  it('gives foreign origins, other ports and schemes and the platform host no Access-Control-Allow-Origin', async () => {
    for (const origin of [
      'https://evil.example',
      'http://evil.example',
      'null',
      'http://localhost:3000', // the platform host uploads nothing
      'http://mueller.localhost:4000',
      'https://mueller.localhost:3000',
      'http://mueller.localhost:3000.evil.example',
      'http://evil-localhost:3000',
    ]) {
      const r = await preflight(origin);
      expect(r.status, origin).toBe(403);
      expect(r.allow, origin).toBeNull();
    }
    const res = await fetch(`${s3.endpoint}/${bucket}/missing`, { headers: { Origin: 'https://evil.example' } });
    await res.arrayBuffer();
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses to start with a wildcard rule', async () => {
    await expect(startS3({ dir: tmp, port: await freePort(), bucket, origins: ['*'] })).rejects.toThrow(/explicit/);
    await expect(startS3({ dir: tmp, port: await freePort(), bucket, origins: [] })).rejects.toThrow(/explicit/);
  });
});
