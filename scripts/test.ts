/**
 * `npm test`: every test – unit, integration (real PostgreSQL + s3rver) and end-to-end (Playwright in
 * Chromium against the real app) – then one summary line "N passed, N failed".
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const results = path.join(root, 'test-results');
mkdirSync(results, { recursive: true });

function chromium(): string | null {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  // Playwright's own download, if someone ran `npx playwright install chromium`.
  const cache = path.join(process.env.HOME ?? '/root', '.cache', 'ms-playwright');
  if (existsSync(cache) && readdirSync(cache).some((d) => d.startsWith('chromium'))) return 'playwright';
  return null;
}

function run(label: string, command: string, args: string[]): number {
  console.log(`\n━━ ${label} ━━`);
  const res = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' },
  });
  return res.status ?? 1;
}

const tally = { passed: 0, failed: 0, skipped: 0 };
let failures = 0;

const vitestJson = path.join(results, 'vitest-report.json');
rmSync(vitestJson, { force: true });
failures +=
  run('Unit + integration tests (vitest)', process.execPath, [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestJson}`,
  ]) === 0
    ? 0
    : 1;
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
  tally.passed += report.numPassedTests ?? 0;
  tally.failed += report.numFailedTests ?? 0;
  tally.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // Errors outside tests (setup, unhandled rejections) fail the run even when no test failed.
  if (report.success === false || (report.numTotalTests ?? 0) === 0) tally.failed += report.numFailedTests ? 0 : 1;
} else {
  tally.failed += 1;
}

/**
 * Like run(), but streams the output through and counts the lines that match: the app server's log (piped
 * by Playwright's webServer) names every word a page asked for and the catalog lacks (MISSING_MESSAGE).
 */
function runScanning(
  label: string,
  command: string,
  args: string[],
  pattern: RegExp,
): Promise<{ status: number; hits: string[] }> {
  console.log(`\n━━ ${label} ━━`);
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: ['inherit', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' },
    });
    const hits = new Set<string>();
    const scan = (out: NodeJS.WriteStream) => (chunk: Buffer) => {
      out.write(chunk);
      for (const line of chunk.toString('utf8').split('\n')) {
        const m = line.match(pattern);
        if (m) hits.add(m[0]);
      }
    };
    child.stdout.on('data', scan(process.stdout));
    child.stderr.on('data', scan(process.stderr));
    child.on('close', (code) => resolve({ status: code ?? 1, hits: [...hits] }));
  });
}

async function endToEnd(): Promise<void> {
  const browser = chromium();
  if (!browser) {
    console.error(`
✖ No Chromium found for the end-to-end tests.
  Install Debian's package:   sudo apt-get install -y chromium
  or point CHROMIUM_PATH at a Chromium/Chrome binary, e.g. CHROMIUM_PATH=/usr/bin/google-chrome npm test
  (or download Playwright's own: npx playwright install chromium)`);
    tally.failed += 1;
    failures += 1;
  } else {
    const e2eJson = path.join(results, 'e2e-report.json');
    rmSync(e2eJson, { force: true });
    const e2e = await runScanning(
      'End-to-end tests (Playwright, Chromium)',
      process.execPath,
      ['node_modules/@playwright/test/cli.js', 'test'],
      /MISSING_MESSAGE: [\w.]+ \(\w+\)/,
    );
    failures += e2e.status === 0 ? 0 : 1;
    if (e2e.hits.length) {
      console.error(
        `\n✖ ${e2e.hits.length} word(s) missing from the catalogs or from a page's <ClientMessages pick>:\n  ${e2e.hits.join('\n  ')}`,
      );
      tally.failed += 1;
    }
    if (existsSync(e2eJson)) {
      const stats = JSON.parse(readFileSync(e2eJson, 'utf8')).stats ?? {};
      tally.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
      tally.failed += stats.unexpected ?? 0;
      tally.skipped += stats.skipped ?? 0;
    } else {
      tally.failed += 1;
    }
  }
}

void endToEnd().then(() => {
  console.log(`\n${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
  process.exit(failures > 0 || tally.failed > 0 || tally.passed === 0 ? 1 : 0);
});
