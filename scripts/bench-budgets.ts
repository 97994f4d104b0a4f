/**
 * Browser budgets of `npm run bench` (issue 17), against the app the bench started:
 * - first-load JS (gzip) per route: the scripts the server-rendered HTML loads, summed once each, against the
 *   bare-framework baseline (the scripts of the tenant's 404 page: React, Next's runtime and the root layout);
 *   client and login pages ≤ baseline + 15 KiB, advisor pages ≤ baseline + 60 KiB;
 * - Lighthouse 12 (mobile, default throttling, Debian's Chromium, offline), median of 5 runs, on the login
 *   page, the client start page, the client folder and the upload page: performance ≥ 95, LCP ≤ 2.0 s,
 *   CLS ≤ 0.02, TBT ≤ 150 ms. BENCH_LIGHTHOUSE=0 skips it; BENCH_LIGHTHOUSE_RUNS sets the runs.
 * Every broken budget is printed and makes the bench exit non-zero.
 */
import { existsSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BudgetRoute {
  name: string;
  path: string;
  kind: 'client' | 'advisor';
  cookie?: string;
}

function getHtml(
  port: number,
  host: string,
  pathName: string,
  cookie?: string,
): Promise<{ status: number; html: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: 'GET', path: pathName, headers: { host, ...(cookie ? { cookie } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, html: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const gzCache = new Map<string, number>();
function gzipBytes(src: string): number {
  const hit = gzCache.get(src);
  if (hit !== undefined) return hit;
  const file = path.join('.next', src.replace(/^\/_next\//, '').split('?')[0]!);
  const n = existsSync(file) ? gzipSync(readFileSync(file)).byteLength : 0;
  gzCache.set(src, n);
  return n;
}

/** The scripts a page's HTML loads (Next's chunks), once each. */
function scriptsOf(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\ssrc="(\/_next\/static\/[^"]+\.js[^"]*)"/g)) found.add(m[1]!);
  return [...found];
}

const kib = (bytes: number) => bytes / 1024;

export async function jsBudgets(port: number, host: string, routes: BudgetRoute[]): Promise<string[]> {
  const failures: string[] = [];
  const base = await getHtml(port, host, '/bench-baseline-not-found');
  const baseline = kib(scriptsOf(base.html).reduce((s, src) => s + gzipBytes(src), 0));
  const rows = [];
  for (const r of routes) {
    const page = await getHtml(port, host, r.path, r.cookie);
    if (page.status !== 200) failures.push(`${r.name}: HTTP ${page.status}`);
    const total = kib(scriptsOf(page.html).reduce((s, src) => s + gzipBytes(src), 0));
    const allowed = baseline + (r.kind === 'client' ? 15 : 60);
    if (total > allowed)
      failures.push(
        `first-load JS of ${r.name}: ${total.toFixed(1)} KiB > ${allowed.toFixed(1)} KiB (baseline + ${r.kind === 'client' ? 15 : 60})`,
      );
    rows.push({
      route: r.name,
      'first-load JS gzip KiB': Number(total.toFixed(1)),
      'over baseline KiB': Number((total - baseline).toFixed(1)),
      'budget KiB': Number(allowed.toFixed(1)),
      ok: total <= allowed ? 'yes' : 'NO',
    });
  }
  console.log(`\nFirst-load JS (gzip), bare-framework baseline (404 page) ${baseline.toFixed(1)} KiB`);
  console.table(rows);
  return failures;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface LighthouseModule {
  default: (
    url: string,
    flags: Record<string, unknown>,
  ) => Promise<
    | {
        lhr: {
          categories: { performance: { score: number | null } };
          audits: Record<string, { numericValue?: number }>;
          runtimeError?: { code: string; message: string };
        };
      }
    | undefined
  >;
}
interface LauncherModule {
  launch: (o: { chromePath: string; chromeFlags: string[] }) => Promise<{ port: number; kill: () => void }>;
}

/** Lighthouse mobile, median of `runs`; skipped (with a notice) when the package is not installed. */
export async function lighthouseBudgets(routes: { name: string; url: string; cookie?: string }[]): Promise<string[]> {
  if (process.env.BENCH_LIGHTHOUSE === '0') return [];
  let lighthouse: LighthouseModule['default'];
  let launcher: LauncherModule;
  try {
    lighthouse = ((await import('lighthouse' as string)) as LighthouseModule).default;
    launcher = (await import('chrome-launcher' as string)) as LauncherModule;
  } catch {
    console.log('\nLighthouse is not installed: browser budgets skipped (npm install lighthouse@12.8.2).');
    return ['Lighthouse not installed (budgets not checked)'];
  }
  const runs = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5);
  const failures: string[] = [];
  const rows = [];
  const chrome = await launcher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    for (const r of routes) {
      const s = {
        score: [] as number[],
        lcp: [] as number[],
        cls: [] as number[],
        tbt: [] as number[],
        fcp: [] as number[],
      };
      for (let i = 0, failed = 0; i < runs; i++) {
        const result = await lighthouse(r.url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
          ...(r.cookie ? { extraHeaders: { cookie: r.cookie } } : {}),
        });
        if (!result) throw new Error(`Lighthouse gave no result for ${r.url}`);
        // A run whose trace broke (NO_NAVSTART now and then with headless Chromium) has no metrics: it is
        // repeated (up to 3 times per page) instead of counting a score of 0 and NaN timings in the median.
        if (result.lhr.runtimeError) {
          if (++failed > 3) throw new Error(`Lighthouse failed on ${r.url}: ${result.lhr.runtimeError.code}`);
          console.log(`  Lighthouse run on ${r.name} broke (${result.lhr.runtimeError.code}); repeating it`);
          i--;
          continue;
        }
        const a = result.lhr.audits;
        s.score.push(Math.round((result.lhr.categories.performance.score ?? 0) * 100));
        s.lcp.push(a['largest-contentful-paint']?.numericValue ?? NaN);
        s.fcp.push(a['first-contentful-paint']?.numericValue ?? NaN);
        s.cls.push(a['cumulative-layout-shift']?.numericValue ?? NaN);
        s.tbt.push(a['total-blocking-time']?.numericValue ?? NaN);
      }
      const row = {
        page: r.name,
        performance: median(s.score),
        'FCP s': Number((median(s.fcp) / 1000).toFixed(2)),
        'LCP s': Number((median(s.lcp) / 1000).toFixed(2)),
        CLS: Number(median(s.cls).toFixed(3)),
        'TBT ms': Math.round(median(s.tbt)),
      };
      rows.push(row);
      if (row.performance < 95) failures.push(`Lighthouse performance of ${r.name}: ${row.performance} < 95`);
      if (row['LCP s'] > 2.0) failures.push(`LCP of ${r.name}: ${row['LCP s']} s > 2.0 s`);
      if (row.CLS > 0.02) failures.push(`CLS of ${r.name}: ${row.CLS} > 0.02`);
      if (row['TBT ms'] > 150) failures.push(`TBT of ${r.name}: ${row['TBT ms']} ms > 150 ms`);
    }
  } finally {
    chrome.kill();
  }
  console.log(`\nLighthouse ${runs}× mobile (median), Chromium ${process.env.CHROME_PATH ?? '/usr/bin/chromium'}`);
  console.table(rows);
  return failures;
}
