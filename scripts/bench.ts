/**
 * `npm run bench`: builds once (if needed), starts the real app on embedded services (port 3200, data in
 * .data/bench) and measures requests/s and p95 latency of each page against a trivial baseline route
 * (/api/health) in the same run: 3 interleaved rounds, median ratio (the machines are shared and noisy).
 * Also: the folder pages with 200 contracts (advisor and client) and the app server's peak memory while
 * 20 clients upload 15 MB each at once (presign → direct POST to S3 → byte check).
 */
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { and, eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { createSession } from '../lib/auth/sessions';
import { createDb } from '../lib/db/client';
import { tenants, users } from '../lib/db/schema';
import { computeDeadlines, ensureDeadlineContracts } from './bench-fristen';
import { ensurePortfolio } from './bench-bestand';
import { benchGdv } from './bench-gdv';
import { localPorts } from './services';

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const DATA = '.data/bench';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
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
    const counted = await sql<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE t.slug = 'demo' AND u.kind = 'client'`;
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

const FOLDER_CONTRACTS = 200;

/**
 * A client "bench.folder" with 200 insurance contracts (shown to them by DATENFREIGABE), created once:
 * the contact's folder page and the client's area page are measured at that size.
 */
async function ensureFolder(): Promise<string> {
  const { sql } = createDb(`postgres://postgres:mappe-local@127.0.0.1:${localPorts(PORT).postgres}/mappe`, 1);
  try {
    const [t] = await sql<{ id: string }[]>`SELECT id FROM tenants WHERE slug = 'demo'`;
    let [client] = await sql<
      { id: string }[]
    >`SELECT id FROM users WHERE tenant_id = ${t!.id} AND username = 'bench.folder'`;
    if (!client) {
      [client] = await sql<{ id: string }[]>`
        INSERT INTO users (tenant_id, kind, email, username, first_name, last_name, status, birth_date)
        VALUES (${t!.id}, 'client', 'bench.folder@kunde.example', 'bench.folder', 'Bruno', 'Bench', 'active', '1980-01-01') RETURNING id`;
      await sql`INSERT INTO contact_profiles (tenant_id, user_id, city) VALUES (${t!.id}, ${client!.id}, 'Hamburg')`;
      await sql`INSERT INTO client_grants (tenant_id, user_id, module, data_release) VALUES (${t!.id}, ${client!.id}, 'insurance', true), (${t!.id}, ${client!.id}, 'finance', true)`;
    }
    const counted = await sql<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM contracts WHERE contact_id = ${client!.id}`;
    const n = counted[0]?.n ?? 0;
    if (n < FOLDER_CONTRACTS) {
      console.log(`• adding ${FOLDER_CONTRACTS - n} contracts to bench.folder …`);
      await sql`
        INSERT INTO contracts (tenant_id, contact_id, area, status, product, provider, number, payment_method, frequency, premium_cents, start_date, created_by_client)
        SELECT ${t!.id}, ${client!.id}, 'insurance', 'aktiv',
          (SELECT name FROM product_lines WHERE area = 'insurance' ORDER BY position OFFSET g % 40 LIMIT 1),
          (SELECT name FROM providers WHERE kind = 'insurer' AND tenant_id IS NULL ORDER BY name OFFSET g % 200 LIMIT 1),
          'BENCH-' || g, 'Lastschrift', 'monatlich', 1000 + g * 7, date '2020-01-01' + g, g % 5 = 0
        FROM generate_series(${n + 1}::int, ${FOLDER_CONTRACTS}::int) AS g`;
    }
    return client!.id;
  } finally {
    await sql.end();
  }
}

const BENCH_TICKETS = 5_000;

/** 5,000 tickets in the demo tenant (with a first message each), assigned to the admin, once. */
async function ensureTickets(): Promise<void> {
  const { sql } = createDb(`postgres://postgres:mappe-local@127.0.0.1:${localPorts(PORT).postgres}/mappe`, 1);
  try {
    const [t] = await sql<{ id: string }[]>`SELECT id FROM tenants WHERE slug = 'demo'`;
    const [admin] = await sql<
      { id: string }[]
    >`SELECT id FROM users WHERE tenant_id = ${t!.id} AND username = 'demo.admin'`;
    const counted = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM tickets WHERE tenant_id = ${t!.id}`;
    const n = counted[0]?.n ?? 0;
    if (n >= BENCH_TICKETS) return;
    console.log(`• adding ${BENCH_TICKETS - n} tickets to the demo tenant …`);
    await sql`
      WITH c AS (SELECT id, row_number() OVER (ORDER BY id) AS r FROM users WHERE tenant_id = ${t!.id} AND kind = 'client' AND username LIKE 'bench.%' LIMIT 2000),
      ins AS (
        INSERT INTO tickets (tenant_id, contact_id, assignee_id, subject, status, created_by, idempotency_key, last_entry_at, last_entry_by, last_public_at, last_public_by, created_at)
        SELECT ${t!.id}, c.id, ${admin!.id}, 'Frage zum Vertrag ' || g, CASE WHEN g % 4 = 0 THEN 'closed' ELSE 'open' END, c.id, 'bench-' || g,
          now() - make_interval(mins => g), c.id, now() - make_interval(mins => g), c.id, now() - make_interval(mins => g + 5)
        FROM generate_series(${n + 1}::int, ${BENCH_TICKETS}::int) AS g JOIN c ON c.r = 1 + g % 2000
        RETURNING tenant_id, id, created_by)
      INSERT INTO ticket_messages (tenant_id, ticket_id, author_id, author_kind, body) SELECT tenant_id, id, created_by, 'client', 'Guten Tag, ich habe eine Frage.' FROM ins`;
    await sql`ANALYZE tickets`;
  } finally {
    await sql.end();
  }
}

/** A signed-in user (real session row + Auth.js cookie); the admin by default. */
async function sessionCookie(username = 'demo.admin'): Promise<string> {
  const { db, sql } = createDb(`postgres://postgres:mappe-local@127.0.0.1:${localPorts(PORT).postgres}/mappe`, 1);
  try {
    const [row] = await db
      .select({ userId: users.id, tenantId: users.tenantId })
      .from(users)
      .innerJoin(tenants, eq(tenants.id, users.tenantId))
      .where(and(eq(tenants.slug, 'demo'), eq(users.username, username)));
    if (!row) throw new Error(`${username} missing`);
    const sid = await createSession(db, { tenantId: row.tenantId, userId: row.userId });
    const secret = readFileSync(path.join(DATA, 'auth-secret'), 'utf8').trim();
    const token = await encode({
      token: { sub: row.userId, sid, tid: row.tenantId },
      secret,
      salt: 'mappe.session',
      maxAge: 12 * 3600,
    });
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
      {
        url: `${origin}${target.path}`,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { host, ...target.headers },
      },
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

/** The pid of the process listening on the app port (the next-server, not the launcher). */
function serverPid(): number {
  const hex = PORT.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[1]?.endsWith(`:${hex}`) && cols[3] === '0A') inodes.add(cols[9]!);
    }
  }
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const link = readlinkSync(`/proc/${pid}/fd/${fd}`);
        const m = /^socket:\[(\d+)\]$/.exec(link);
        if (m && inodes.has(m[1]!)) return Number(pid);
      }
    } catch {
      /* not ours or gone */
    }
  }
  throw new Error('next-server pid not found');
}

const statusMiB = (pid: number, field: 'VmHWM' | 'VmRSS') =>
  Math.round(
    Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
  );

/** A request to the app with a tenant Host header (Node's fetch does not let us set Host). */
function appRequest(
  method: string,
  pathName: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: PORT,
        method,
        path: pathName,
        headers: { ...headers, ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {
            json = { ok: false, text };
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

/** One client upload as the browser does it: presign at the app, POST the bytes to S3, ask the app to check them. */
async function uploadOnce(clientCookie: string, body: Uint8Array<ArrayBuffer>): Promise<boolean> {
  const headers = { host, cookie: clientCookie, origin: `http://${host}`, 'content-type': 'application/json' };
  const start = await appRequest(
    'POST',
    '/api/uploads',
    headers,
    JSON.stringify({ area: 'finance', filename: 'scan.pdf', contentType: 'application/pdf', size: body.byteLength }),
  );
  const presigned = start.json as {
    ok: boolean;
    id: string;
    url: string;
    fields: Record<string, string>;
    message?: string;
  };
  if (!presigned.ok) {
    console.error('presign refused:', start.status, presigned.message ?? '');
    return false;
  }
  const form = new FormData();
  for (const [k, v] of Object.entries(presigned.fields)) form.append(k, v);
  form.append('file', new Blob([body], { type: 'application/pdf' }), 'scan.pdf');
  if (!(await fetch(presigned.url, { method: 'POST', body: form })).ok) return false;
  const checked = (await appRequest('POST', `/api/uploads/${presigned.id}`, headers)).json as { ok: boolean };
  await appRequest('DELETE', `/api/uploads/${presigned.id}`, headers);
  return checked.ok;
}

/** Peak memory of the app server during 20 concurrent 15 MB uploads (VmHWM reset right before). */
async function uploadMemory(clientCookie: string) {
  const uploads = 20;
  const mib = 15;
  const body = new Uint8Array(mib * 1024 * 1024);
  body.set(new TextEncoder().encode('%PDF-1.4\n%\u00e2\u00e3\n'));
  for (let i = 64; i < body.length; i += 4096) body[i] = i % 251;
  await uploadOnce(clientCookie, body); // warm-up: routes compiled, pools open
  const pid = serverPid();
  let resetOk = true;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5'); // resets VmHWM to the current RSS
  } catch {
    resetOk = false;
  }
  const before = resetOk ? statusMiB(pid, 'VmHWM') : statusMiB(pid, 'VmRSS');
  const t0 = performance.now();
  const results = await Promise.all(Array.from({ length: uploads }, () => uploadOnce(clientCookie, body)));
  const seconds = (performance.now() - t0) / 1000;
  return { uploads, mib, ok: results.every(Boolean), before, after: statusMiB(pid, 'VmHWM'), seconds };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  // BENCH_ONLY=gdv: the GDV import bench only (scripts/bench-gdv.ts, in-process, own data directory).
  if (process.env.BENCH_ONLY && /^gdv$/i.test(process.env.BENCH_ONLY)) return benchGdv();
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
    const folderClient = await ensureFolder();
    await ensureTickets();
    await ensureDeadlineContracts(`postgres://postgres:mappe-local@127.0.0.1:${localPorts(PORT).postgres}/mappe`);
    await ensurePortfolio(`postgres://postgres:mappe-local@127.0.0.1:${localPorts(PORT).postgres}/mappe`);
    await computeDeadlines(`postgres://postgres:mappe-local@127.0.0.1:${localPorts(PORT).postgres}/mappe`);
    const cookie = await sessionCookie();
    const clientCookie = await sessionCookie('bench.folder');
    const memory = await uploadMemory(clientCookie);
    const targets: Target[] = [
      { name: 'baseline /api/health', path: '/api/health' },
      { name: 'login page', path: '/login' },
      { name: 'advisor start page', path: '/dashboard', headers: { cookie } },
      { name: 'contacts, first page (20k)', path: '/contacts', headers: { cookie } },
      { name: 'contacts, search "schmidt 12"', path: '/contacts?q=schmidt%2012', headers: { cookie } },
      { name: 'contacts, search "bench1234@"', path: '/contacts?q=bench1234%40', headers: { cookie } },
      { name: 'contact page with folder (200 contracts)', path: `/contacts/${folderClient}`, headers: { cookie } },
      {
        name: 'advisor area page (200 contracts)',
        path: `/contacts/${folderClient}/folder/insurance`,
        headers: { cookie },
      },
      { name: 'client area page (200 contracts)', path: '/portal/folder/insurance', headers: { cookie: clientCookie } },
      { name: 'ticket list (5,000 tickets)', path: '/tickets', headers: { cookie } },
      { name: 'ticket list, closed, all (5,000)', path: '/tickets?status=closed&scope=all', headers: { cookie } },
      { name: 'FRISTEN list, 30 days (50,000 contracts)', path: '/fristen', headers: { cookie } },
      { name: 'FRISTEN list, 180 days (50,000 contracts)', path: '/fristen?fenster=180', headers: { cookie } },
      { name: 'BESTAND cockpit (50,000 contracts)', path: '/bestand', headers: { cookie } },
      { name: 'BESTAND CSV by Versicherer (50,000)', path: '/api/bestand/providers', headers: { cookie } },
    ];
    // BENCH_ONLY=<regex> measures only matching pages (the baseline always runs).
    const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : null;
    if (only) targets.splice(1, targets.length, ...targets.slice(1).filter((t) => only.test(t.name)));
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
    console.log(
      `\nUploads: ${memory.uploads} × ${memory.mib} MiB at once (presign → POST to S3 → byte check), all accepted: ${memory.ok}. ` +
        `next-server peak RSS (VmHWM, reset before) ${memory.before} MiB → ${memory.after} MiB: rise ${memory.after - memory.before} MiB (goal < 50 MiB); ${memory.seconds.toFixed(1)} s`,
    );
    if (rows.some((r) => r['non-2xx/errors'] > 0) || !memory.ok) {
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
