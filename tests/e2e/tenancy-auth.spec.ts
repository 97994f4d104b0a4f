import { expect, test } from '@playwright/test';
import { demo, demoLogins, login, loginAsDemoAdmin, nord, platform, PORT, viaHost } from './helpers';

test.describe('tenant login page', () => {
  test('shows the tenant name and colours in the server-rendered page @phone', async ({ page }) => {
    const response = await page.goto(`${demo}/login`);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(/Anmelden · Demo Makler GmbH/);
    await expect(page.getByRole('heading', { name: 'Willkommen bei Demo Makler GmbH' })).toBeVisible();
    // Colours are in the HTML itself (no flash): the raw response carries the custom properties.
    const html = await response!.text();
    expect(html).toMatch(/--tenant-primary:#0b4f6c/);
    await expect(page.getByRole('button', { name: 'LOGIN' })).toHaveCSS('background-color', 'rgb(11, 79, 108)');
    // Without an uploaded FAVICON the default static icons from public/ apply (served without a tenant lookup).
    await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute('href', '/favicon.ico');
    const icon = viaHost(`${demo}/favicon.ico`);
    expect((await page.request.get(icon.url, { headers: icon.headers })).status()).toBe(200);
  });

  test('another tenant has its own name and colours', async ({ page }) => {
    await page.goto(`${nord}/login`);
    await expect(page).toHaveTitle(/Nordlicht Finanz GmbH/);
    await expect(page.getByRole('button', { name: 'LOGIN' })).toHaveCSS('background-color', 'rgb(124, 45, 18)');
  });

  test('an unknown host gets a German 404 page', async ({ page }) => {
    const response = await page.goto(`http://unbekannt.localhost:${PORT}/login`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Diese Adresse ist uns nicht bekannt' })).toBeVisible();
  });

  test('sends security headers with a fresh CSP nonce', async ({ request }) => {
    const target = viaHost(`${demo}/login`);
    const a = await request.get(target.url, { headers: target.headers });
    const b = await request.get(target.url, { headers: target.headers });
    expect(a.status()).toBe(200);
    const csp = a.headers()['content-security-policy']!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toBe(b.headers()['content-security-policy']);
    // The login page comes from the cache (lib/http/login-cache.ts): every script carries this response's nonce.
    const nonceOf = (header: string) => /'nonce-([^']+)'/.exec(header)![1]!;
    for (const [response, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const html = await response.text();
      const nonces = new Set([...html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]));
      expect([...nonces]).toEqual([nonceOf(response.headers()['content-security-policy']!)]);
      expect(html).not.toContain(nonceOf(other.headers()['content-security-policy']!));
    }
    expect(a.headers()['x-content-type-options']).toBe('nosniff');
    expect(a.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });
});

test.describe('login', () => {
  test('the admin lands in the advisor area @phone', async ({ page }) => {
    await loginAsDemoAdmin(page);
    await expect(page.getByRole('heading', { name: 'Guten Tag, Anna' })).toBeVisible();
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'mappe.session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
  });

  test.describe('the phone layout', () => {
    // Phone width in both projects: the bottom bar exists only below the desktop breakpoint.
    test.use({ viewport: { width: 390, height: 844 } });
    test('on a phone the bottom bar keeps four entries and "Mehr" opens the rest @phone', async ({ page }) => {
      await loginAsDemoAdmin(page);
      const bar = page.getByRole('navigation').last();
      await expect(bar.getByRole('link')).toHaveCount(4);
      await expect(bar.getByRole('link', { name: 'EINSTELLUNGEN' })).toBeHidden();
      await bar.getByText('Mehr').click();
      await bar.getByRole('link', { name: 'EINSTELLUNGEN' }).click();
      await expect(page).toHaveURL(`${demo}/settings`);
      // The menu closed on the navigation, and Escape closes it again after it is opened by keyboard.
      await expect(bar.getByRole('link', { name: 'HILFE' })).toBeHidden();
      await bar.locator('summary').focus();
      await page.keyboard.press('Enter');
      await expect(bar.getByRole('link', { name: 'HILFE' })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(bar.getByRole('link', { name: 'HILFE' })).toBeHidden();
      await expect(bar.locator('summary')).toBeFocused();
    });
  });

  test('a client lands in the portal and cannot open the advisor area', async ({ page }) => {
    await login(page, demo, demoLogins.demo.client.username, demoLogins.demo.client.password);
    await expect(page).toHaveURL(`${demo}/portal`);
    await expect(page.getByRole('heading', { name: 'Hallo Julia' })).toBeVisible();
    await page.goto(`${demo}/dashboard`);
    await expect(page).toHaveURL(`${demo}/portal`);
  });

  test('a wrong password shows a German error and keeps the user name', async ({ page }) => {
    await login(page, demo, 'demo.admin', 'falsches-passwort');
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Benutzername oder Passwort ist nicht korrekt.');
    await expect(page.getByLabel('Benutzername oder E-Mail')).toHaveValue('demo.admin');
    await expect(page).toHaveURL(`${demo}/login`);
  });

  test('an empty form gets messages next to the fields', async ({ page }) => {
    await page.goto(`${demo}/login`);
    await page.getByRole('button', { name: 'LOGIN' }).click();
    await expect(page.getByText('Bitte geben Sie Ihren Benutzernamen oder Ihre E-Mail-Adresse ein.')).toBeVisible();
    await expect(page.getByText('Bitte geben Sie Ihr Passwort ein.')).toBeVisible();
  });

  test('the advisor area needs a login', async ({ page }) => {
    await page.goto(`${demo}/dashboard`);
    await expect(page).toHaveURL(`${demo}/login`);
  });

  test("a session cookie does not work on another tenant's host", async ({ page, context }) => {
    await loginAsDemoAdmin(page);
    const session = (await context.cookies()).find((c) => c.name === 'mappe.session')!;
    await context.addCookies([{ ...session, domain: 'nord.localhost' }]);
    await page.goto(`${nord}/dashboard`);
    await expect(page).toHaveURL(`${nord}/login`);
    // A user of the demo tenant cannot log in on nord either.
    await login(page, nord, demoLogins.demo.admin.username, demoLogins.demo.admin.password);
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Benutzername oder Passwort ist nicht korrekt.');
  });

  test('after logout the old cookie is dead, even if replayed', async ({ page, context }) => {
    await loginAsDemoAdmin(page);
    const session = (await context.cookies()).find((c) => c.name === 'mappe.session')!;
    await page.getByRole('button', { name: 'Abmelden' }).first().click();
    await expect(page).toHaveURL(`${demo}/login?abgemeldet=1`);
    await expect(page.getByText('Sie wurden abgemeldet.')).toBeVisible();
    await context.addCookies([session]);
    await page.goto(`${demo}/dashboard`);
    await expect(page).toHaveURL(`${demo}/login`);
  });
});

test.describe('operator area', () => {
  test('needs the operator password and lists the tenants', async ({ browser, request }) => {
    const target = viaHost(`${platform}/`);
    expect((await request.get(target.url, { headers: target.headers })).status()).toBe(401);
    const context = await browser.newContext({
      httpCredentials: { username: 'betreiber', password: 'e2e-betreiber-passwort' },
    });
    const page = await context.newPage();
    await page.goto(`${platform}/`);
    await expect(page.getByRole('heading', { name: 'Betreiber-Bereich' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Demo Makler GmbH' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Nordlicht Finanz GmbH' })).toBeVisible();
    await context.close();
  });

  test('the local mailbox (live password links) opens only with the operator login', async ({ request }) => {
    for (const base of [demo, nord]) {
      const target = viaHost(`${base}/dev/mailbox`);
      const anonymous = await request.get(target.url, { headers: target.headers });
      expect(anonymous.status()).toBe(401);
      expect(await anonymous.text()).not.toContain('/activate/');
      const wrong = `Basic ${Buffer.from('betreiber:falsch').toString('base64')}`;
      expect((await request.get(target.url, { headers: { ...target.headers, authorization: wrong } })).status()).toBe(
        401,
      );
      const right = `Basic ${Buffer.from('betreiber:e2e-betreiber-passwort').toString('base64')}`;
      expect((await request.get(target.url, { headers: { ...target.headers, authorization: right } })).status()).toBe(
        200,
      );
    }
  });

  test('is not reachable from a tenant host', async ({ request }) => {
    const target = viaHost(`${demo}/platform`);
    expect((await request.get(target.url, { headers: target.headers })).status()).toBe(404);
  });
});
