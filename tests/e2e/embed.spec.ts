import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { demo, loginAsDemoAdmin, viaHost } from './helpers';

/** A broker's website stand-in on another localhost port, showing the iframe snippet. */
function website(): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html><body><h1>Makler-Website</h1><iframe id="portal" src="${demo}/embed" title="Kundenportal" width="380" height="260"></iframe></body></html>`,
    );
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({ origin: `http://localhost:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

// Both tests change the demo tenant's list of websites: they run one after the other.
test.describe.configure({ mode: 'serial' });

test('only the embed card may be framed, and only by the listed websites', async ({ page, request }) => {
  await loginAsDemoAdmin(page);
  await page.goto(`${demo}/settings/website`);
  await expect(page.getByText('<iframe src="http://demo.localhost')).toBeVisible();
  await page.getByLabel(/Websites, die die Karte einbinden dürfen/).fill('www.demo-makler.example');
  await page.getByRole('button', { name: 'SPEICHERN' }).click();
  await expect(page.getByText('ist keine Website-Adresse der Form https://www.ihre-firma.de')).toBeVisible();
  await page.getByLabel(/Websites, die die Karte einbinden dürfen/).fill('https://www.demo-makler.example');
  await page.getByRole('button', { name: 'SPEICHERN' }).click();
  await expect(page.getByText('Gespeichert. Alle anderen Websites')).toBeVisible();

  const embed = viaHost(`${demo}/embed`);
  const card = await request.get(embed.url, { headers: embed.headers });
  expect(card.status()).toBe(200);
  expect(card.headers()['content-security-policy']).toContain('frame-ancestors https://www.demo-makler.example');
  expect(card.headers()['x-frame-options']).toBeUndefined();
  const login = viaHost(`${demo}/login`);
  const loginPage = await request.get(login.url, { headers: login.headers });
  expect(loginPage.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(loginPage.headers()['x-frame-options']).toBe('DENY');

  await page.goto(`${demo}/embed`);
  await expect(page.getByRole('link', { name: 'ZUM KUNDENPORTAL' })).toHaveAttribute('target', '_blank');
  // Reset for other runs.
  await page.goto(`${demo}/settings/website`);
  await page.getByLabel(/Websites, die die Karte einbinden dürfen/).fill('');
  await page.getByRole('button', { name: 'SPEICHERN' }).click();
  await expect(page.getByText('Gespeichert. Alle anderen Websites')).toBeVisible();
});

test('the iframe card works on a listed website and is refused on any other', async ({ page, browser }) => {
  const allowed = await website();
  const other = await website();
  try {
    await loginAsDemoAdmin(page);
    await page.goto(`${demo}/settings/website`);
    await page.getByLabel(/Websites, die die Karte einbinden dürfen/).fill(allowed.origin);
    await page.getByRole('button', { name: 'SPEICHERN' }).click();
    await expect(page.getByText('Gespeichert. Alle anderen Websites')).toBeVisible();

    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${allowed.origin}/`);
    await expect(visitor.frameLocator('#portal').getByRole('link', { name: 'ZUM KUNDENPORTAL' })).toBeVisible();

    await visitor.goto(`${other.origin}/`);
    await expect(visitor.getByRole('heading', { name: 'Makler-Website' })).toBeVisible();
    await visitor.waitForTimeout(1000);
    await expect(visitor.frameLocator('#portal').getByRole('link', { name: 'ZUM KUNDENPORTAL' })).toHaveCount(0);

    await page.getByLabel(/Websites, die die Karte einbinden dürfen/).fill('');
    await page.getByRole('button', { name: 'SPEICHERN' }).click();
    await expect(page.getByText('Gespeichert. Alle anderen Websites')).toBeVisible();
  } finally {
    await allowed.close();
    await other.close();
  }
});
