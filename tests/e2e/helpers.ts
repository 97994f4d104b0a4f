import { expect, type Page } from '@playwright/test';
import { demoLogins } from '../../lib/db/seed';

export const PORT = Number(process.env.E2E_PORT ?? 3100);
export const demo = `http://demo.localhost:${PORT}`;
export const nord = `http://nord.localhost:${PORT}`;
export const platform = `http://localhost:${PORT}`;
export { demoLogins };

export async function login(page: Page, base: string, username: string, password: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Benutzername oder E-Mail').fill(username);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'LOGIN' }).click();
}

export async function loginAsDemoAdmin(page: Page) {
  await login(page, demo, demoLogins.demo.admin.username, demoLogins.demo.admin.password);
  await expect(page).toHaveURL(`${demo}/dashboard`);
}

/** Node does not resolve *.localhost (browsers do): API requests go to 127.0.0.1 with the tenant's Host. */
export function viaHost(url: string): { url: string; headers: Record<string, string> } {
  const u = new URL(url);
  return { url: `http://127.0.0.1:${u.port}${u.pathname}${u.search}`, headers: { host: u.host } };
}

/** The operator's credentials of the e2e app (playwright.config.ts). */
export const operatorCredentials = { username: 'betreiber', password: 'e2e-betreiber-passwort' };

/** The local mailbox opens only with the operator login: send it with every mailbox request of this page. */
export async function allowMailbox(page: Page) {
  const authorization = `Basic ${Buffer.from(`${operatorCredentials.username}:${operatorCredentials.password}`).toString('base64')}`;
  await page.route(/\/dev\/mailbox/, (route) =>
    route.continue({ headers: { ...route.request().headers(), authorization } }),
  );
}
