/**
 * Row-level security (issue 13, lib/db/tenant.ts): a context's handle is bound to its tenant; the app's
 * pool itself sees every tenant. So the pool (`db()` of lib/db/client.ts) is taken only where the work is
 * legitimately cross-tenant or builds the context – every other file works with `ctx.db`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

/** Each with its reason (README, "Row-level security"). */
const crossTenant: Record<string, string> = {
  'lib/tenant/lookup.ts': 'host → tenant, before any tenant is known',
  'lib/auth/current.ts': 'session check by token hash, then compared with the host tenant',
  'lib/auth/auth.ts': 'sign-in builds the public context of the host tenant',
  'lib/request/ctx.ts': 'builds the contexts (bound there)',
  'lib/actions/define.ts': 'builds the contexts of server actions (bound there)',
  'lib/calendar/http.ts': 'iCal feed: builds the public context of the host tenant',
  'lib/platform/request.ts': 'operator area: all tenants',
  'lib/platform/login.ts': 'operator login throttle',
  'lib/jobs/boot.ts': 'background workers claim outbox rows and jobs across tenants',
};

function walk(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((entry) => {
    const rel = path.join(dir, entry);
    if (statSync(path.join(root, rel)).isDirectory()) return walk(rel);
    return /\.(ts|tsx)$/.test(entry) ? [rel] : [];
  });
}

describe('the cross-tenant pool', () => {
  it('is imported only by the listed files', () => {
    const users = ['lib', 'app', 'components']
      .flatMap(walk)
      .filter((f) =>
        /import\s*\{[^}]*\bdb\b[^}]*\}\s*from\s*'[^']*db\/client'/.test(readFileSync(path.join(root, f), 'utf8')),
      )
      .sort();
    expect(users).toEqual(Object.keys(crossTenant).sort());
  });
});
