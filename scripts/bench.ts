/**
 * `npm run bench`: builds once (if needed), starts the real app on embedded services (port 3200, data in
 * .data/bench) and measures requests/s and p95 latency of each page against a trivial baseline route
 * (/api/health) in the same run: 3 interleaved rounds, median ratio (the machines are shared and noisy).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { and, eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { createSession } from '../lib/auth/sessions';
import { createDb } from '../lib/db/client';
import { tenants, users } from '../lib/db/schema';
import { localPorts } from './services';

const PORT = 3200;
const DATA = '.data/bench';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const CONNECTIONS = 10;
const origin = `http://127.0.0.1:${PORT}`;
const host = `demo.localhost:${PORT}`;

interface Target {
  name: string;
  path: string;
  headers?: Record<string, string>;
}

async function waitForHealth(timeoutMs: number, app: { exitCode: number | null }): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (app.exitCode !== null) throw new Error('the app exited before it was ready (see the output above)');
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('the app did not come up');
}

const BENCH_CONTACTS = 20_000;

/** The demo tenant gets 20,000 contacts (once), so the contact list is measured at a realistic size. */
async function ensureContacts(): Promise<void> {
  const { sql } = createDb(`postgres://postgres:mappe-local@127.0.0.1:${localPorts(PORT).postgres}/mappe`, 1);
  try {
    const counted = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE t.slug = 'demo' AND u.kind = 'client'`;
    const n = counted[0]?.n ?? 0;
    if (n >= BENCH_CONTACTS) return;
    console.log(`• adding ${BENCH_CONTACTS - n} contacts to the demo tenant …`);
    await sql`
      WITH t AS (SELECT id FROM tenants WHERE slug = 'demo'),
      first AS (SELECT ARRAY['Anna','Ben','Clara','David','Emma','Felix','Greta','Hannah','Jonas','Lena','Lukas','Marie','Noah','Paula','Sophie','Tim'] AS a),
      last AS (SELECT ARRAY['Müller','Schmidt','Schneider','Fischer','Weber','Meyer','Wagner','Becker','Schulz','Hoffmann','Koch','Richter','Klein','Wolf','Schröder','Neumann','Schwarz','Braun','Zimmermann','Krüger'] AS a),
      ins AS (
        INSERT INTO users (tenant_id, kind, email, username, first_name, last_name, status, birth_date, created_at)
        SELECT t.id, 'client', 'bench' || g || '@kunde.example', 'bench.' || g,
          first.a[1 + g % 16], last.a[1 + (g / 16) % 20] || ' ' || g, 'none', date '1950-01-01' + (g % 18000), now() - make_interval(secs => g)
        FROM t, first, last, generate_series(${n + 1}::int, ${BENCH_CONTACTS}::int) AS g
        RETURNING tenant_id, id)
      INSERT INTO contact_profiles (tenant_id, user_id, city) SELECT tenant_id, id, 'Hamburg' FROM ins`;
    await sql`ANALYZE users`;
    await sql`ANALYZE contact_profiles`;
  } finally {
    await sql.end();
  }
}

/** A signed-in advisor: a real session row and an Auth.js cookie for it. */
async function advisorCookie(): Promise<string> {
  const { db, sql } = createDb(`postgres://postgres:mappe-local@127.0.0.1:${localPorts(PORT).postgres}/mappe`, 1);
  try {
    const [row] = await db
      .select({ userId: users.id, tenantId: users.tenantId })
      .from(users)
      .innerJoin(tenants, eq(tenants.id, users.tenantId))
      .where(and(eq(tenants.slug, 'demo'), eq(users.username, 'demo.admin')));
    if (!row) throw new Error('demo admin missing');
    const sid = await createSession(db, { tenantId: row.tenantId, userId: row.userId });
    const secret = readFileSync(path.join(DATA, 'auth-secret'), 'utf8').trim();
    const token = await encode({ token: { sub: row.userId, sid, tid: row.tenantId }, secret, salt: 'mappe.session', maxAge: 12 * 3600 });
    return `mappe.session=${token}`;
  } finally {
    await sql.end();
  }
}

async function measure(target: Target): Promise<{ rps: number; p50: number; p95: number; errors: number }> {
  const times: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: `${origin}${target.path}`, connections: CONNECTIONS, duration: SECONDS, headers: { host, ...target.headers } },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      times.push(ms);
      if (status < 200 || status >= 300) errors++;
    });
  });
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))] ?? NaN;
  return { rps: result.requests.average, p50: pct(0.5), p95: pct(0.95), errors: errors + result.errors };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  console.log(`• starting the app on :${PORT} (builds first when sources changed) …`);
  const app = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/launch.ts', 'start'], {
    env: { ...process.env, PORT: String(PORT), MAPPE_DATA_DIR: DATA, MAIL_WORKER: 'false', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-app.pid!, 'SIGINT');
    } catch {
      /* already gone */
    }
  };
  process.on('SIGINT', () => {
    stop();
    process.exit(130);
  });
  try {
    await waitForHealth(600_000, app);
    await ensureContacts();
    const cookie = await advisorCookie();
    const targets: Target[] = [
      { name: 'baseline /api/health', path: '/api/health' },
      { name: 'login page', path: '/login' },
      { name: 'advisor start page', path: '/dashboard', headers: { cookie } },
      { name: 'contacts, first page (20k)', path: '/contacts', headers: { cookie } },
      { name: 'contacts, search "schmidt 12"', path: '/contacts?q=schmidt%2012', headers: { cookie } },
      { name: 'contacts, search "bench1234@"', path: '/contacts?q=bench1234%40', headers: { cookie } },
    ];
    for (const t of targets) await measure({ ...t }); // warm-up (JIT, caches)
    const samples = new Map<string, { rps: number[]; p50: number[]; p95: number[]; errors: number }>();
    for (let round = 1; round <= ROUNDS; round++) {
      for (const t of targets) {
        const r = await measure(t);
        const s = samples.get(t.name) ?? { rps: [], p50: [], p95: [], errors: 0 };
        s.rps.push(r.rps);
        s.p50.push(r.p50);
        s.p95.push(r.p95);
        s.errors += r.errors;
        samples.set(t.name, s);
      }
      console.log(`  round ${round}/${ROUNDS} done`);
    }
    const base = samples.get(targets[0]!.name)!;
    const rows = targets.map((t) => {
      const s = samples.get(t.name)!;
      const rps = median(s.rps);
      return {
        page: t.name,
        'req/s': Math.round(rps),
        'p50 ms': Number(median(s.p50).toFixed(1)),
        'p95 ms': Number(median(s.p95).toFixed(1)),
        'ratio req/s vs baseline': (rps / median(base.rps)).toFixed(2),
        'non-2xx/errors': s.errors,
      };
    });
    console.log(`\n${CONNECTIONS} connections, ${SECONDS} s per sample, median of ${ROUNDS} interleaved rounds`);
    console.table(rows);
    if (rows.some((r) => r['non-2xx/errors'] > 0)) {
      console.error('✖ some requests failed – the figures above are not valid');
      process.exitCode = 1;
    }
  } finally {
    stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
