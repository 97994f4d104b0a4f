import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/** Chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own download. */
function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  ) as string[];
  return candidates.find((p) => existsSync(p));
}

/** E2E_PORT lets a second run go on beside another (its own data folder too). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const dataDir = E2E_PORT === 3100 ? '.data/e2e' : `.data/e2e-${E2E_PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  use: {
    locale: 'de-DE',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } },
    { name: 'phone', use: { ...devices['Pixel 7'], channel: undefined }, grep: /@phone/ },
  ],
  webServer: {
    // The real app through the same launcher as `npm start`, with its own fresh data folder and port.
    command: `node -e "require('fs').rmSync('${dataDir}',{recursive:true,force:true})" && node node_modules/tsx/dist/cli.mjs scripts/launch.ts start`,
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(E2E_PORT),
      MAPPE_DATA_DIR: dataDir,
      PLATFORM_ADMIN_PASSWORD: 'e2e-betreiber-passwort',
      DEV_MAILBOX: 'true',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
