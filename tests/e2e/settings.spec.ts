import { expect, test } from '@playwright/test';
import { hashPassword } from '../../lib/auth/password';
import { createDb } from '../../lib/db/client';
import { createTenant } from '../../lib/tenant/create';
import { demo, demoLogins, login, loginAsDemoAdmin, PORT, allowMailbox } from './helpers';

/** The colour test changes a tenant's theme: it gets a tenant of its own, so parallel tests keep theirs. */
const slug = `farbe${Math.random().toString(36).slice(2, 7)}`;
const farbe = `http://${slug}.localhost:${PORT}`;
const adminPassword = 'Farbe-Admin-Passwort-2026';

test.beforeAll(async () => {
  const { db, sql } = createDb(`postgres://postgres:mappe-local@127.0.0.1:${54000 + (PORT % 1000)}/mappe`, 1);
  const passwordHash = await hashPassword(adminPassword);
  await db.transaction((tx) =>
    createTenant(tx, {
      slug,
      name: 'Farbe Makler GmbH',
      primaryColor: '#0b4f6c',
      admin: {
        email: `admin@${slug}.example`,
        firstName: 'Fritz',
        lastName: 'Farbe',
        username: 'farbe.admin',
        passwordHash,
      },
    }),
  );
  await sql.end();
});

test.describe.configure({ mode: 'serial' });

test('the admin writes the IMPRESSUM; pasted links become text; the login page shows it', async ({ page, browser }) => {
  await loginAsDemoAdmin(page);
  await page.goto(`${demo}/settings/impressum`);
  const editor = page.getByRole('textbox', { name: 'IMPRESSUM' });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type('Demo Makler GmbH');
  await page.keyboard.press('ControlOrMeta+a');
  await page.getByRole('button', { name: 'Fett' }).click();
  // The bold mark must be in the editor before the caret moves on (a slow CI run once lost it).
  await expect(editor.locator('strong')).toHaveText('Demo Makler GmbH');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  // Pasting HTML with a link keeps the text, not the link.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/html', '<p>Mehr unter <a href="javascript:alert(1)">dieser Seite</a></p>');
    data.setData('text/plain', 'Mehr unter dieser Seite');
    document
      .querySelector('.ProseMirror')!
      .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(editor.locator('a')).toHaveCount(0);
  await expect(editor).toContainText('Mehr unter dieser Seite');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Website');
  await page.keyboard.press('Shift+Home');
  await page.getByRole('button', { name: 'Link einfügen' }).click();
  await page.getByLabel(/Adresse/).fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Link übernehmen' }).click();
  await expect(page.getByText('Erlaubt sind nur Links mit https://, mailto: oder tel:.')).toBeVisible();
  await page.getByLabel(/Adresse/).fill('https://www.demo-makler.example');
  await expect(page.getByLabel(/In neuem Tab öffnen/)).toBeChecked();
  await page.getByRole('button', { name: 'Link übernehmen' }).click();
  await page.getByRole('button', { name: 'SPEICHERN' }).click();
  await expect(page.getByText('Gespeichert.')).toBeVisible();

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`${demo}/login`);
  await visitor.getByRole('link', { name: 'Impressum' }).click();
  const content = visitor.locator('.rich-text');
  await expect(content.locator('strong')).toHaveText('Demo Makler GmbH');
  await expect(content).toContainText('Mehr unter dieser Seite');
  const link = content.getByRole('link', { name: 'Website' });
  await expect(link).toHaveAttribute('href', 'https://www.demo-makler.example/');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
  await expect(content.locator('a[href^="javascript"]')).toHaveCount(0);
});

test('hostile HTML pasted into the IMPRESSUM never executes on the login page', async ({ page, browser }) => {
  await loginAsDemoAdmin(page);
  await page.goto(`${demo}/settings/impressum`);
  const editor = page.getByRole('textbox', { name: 'IMPRESSUM' });
  await editor.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData(
      'text/html',
      '<p>Haftung<img src=x onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">klick</a><svg onload="alert(4)"></svg><iframe src="javascript:alert(5)"></iframe><b style="background:url(javascript:alert(6))">fett</b></p>',
    );
    document
      .querySelector('.ProseMirror')!
      .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.getByRole('button', { name: 'SPEICHERN' }).click();
  await expect(page.getByText('Gespeichert.')).toBeVisible();

  const visitor = await (await browser.newContext()).newPage();
  const problems: string[] = [];
  visitor.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  visitor.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await visitor.goto(`${demo}/impressum`);
  await expect(visitor.locator('.rich-text')).toContainText('Haftung');
  await visitor.waitForTimeout(500);
  expect(problems).toEqual([]);
  await expect(
    visitor.locator(
      '.rich-text img, .rich-text script, .rich-text svg, .rich-text iframe, .rich-text [style], .rich-text a[href^="javascript"]',
    ),
  ).toHaveCount(0);
});

test('WHITELABEL colours apply to the login page from the next request; Zurücksetzen restores them', async ({
  page,
  browser,
}) => {
  await login(page, farbe, 'farbe.admin', adminPassword);
  await expect(page).toHaveURL(`${farbe}/dashboard`);
  await page.goto(`${farbe}/settings/whitelabel`);
  await page.getByLabel('HAUPTFARBE', { exact: true }).fill('#7a1fa2');
  await page.getByLabel('ERSTE SCHRIFTFARBE', { exact: true }).fill('#dddddd');
  await expect(page.getByTestId('contrast-adjusted')).toContainText('Text auf hellem Grund: #111827 statt #dddddd');
  await page.getByLabel('ZWEITFARBE', { exact: true }).fill('red');
  await expect(page.getByText('Bitte als #rrggbb eingeben')).toBeVisible();
  await page.getByLabel('ZWEITFARBE', { exact: true }).fill('#f2a541');
  await page.getByLabel('ERSTE SCHRIFTFARBE', { exact: true }).fill('#1f2933');
  await page.getByRole('button', { name: 'SPEICHERN' }).click();
  await expect(page.getByText('Gespeichert. Die Farben gelten ab dem nächsten Seitenaufruf')).toBeVisible();

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`${farbe}/login`);
  await expect(visitor.getByRole('button', { name: 'LOGIN' })).toHaveCSS('background-color', 'rgb(122, 31, 162)');
  // The signed-in area and a newly sent e-mail use the new colours too.
  await page.goto(`${farbe}/dashboard`);
  await expect(page.locator('html')).toHaveAttribute('style', /--tenant-primary:#7a1fa2/);
  await page.goto(`${farbe}/users/new`);
  await page.getByLabel('Vorname').fill('Nina');
  await page.getByLabel('Nachname').fill('Neu');
  await page.getByLabel('Geburtsdatum').fill('1990-01-01');
  await page.getByLabel('E-Mail').fill(`nina@${slug}.example`);
  await page.getByRole('button', { name: 'SPEICHERN' }).click();
  await expect(page).toHaveURL(/\/users\?neu=/);
  await allowMailbox(page);
  await page.goto(`${farbe}/dev/mailbox`);
  await page
    .getByRole('row')
    .filter({ hasText: `nina@${slug}.example` })
    .getByRole('link', { name: 'Anzeigen' })
    .click();
  await expect(page.locator('iframe')).toHaveAttribute('srcdoc', /#7a1fa2/);
  await page.goto(`${farbe}/settings/whitelabel`);

  await page.getByRole('button', { name: 'Zurücksetzen' }).click();
  await expect(page.getByLabel('HAUPTFARBE', { exact: true })).toHaveValue('#1d4ed8');
  await visitor.reload();
  await expect(visitor.getByRole('button', { name: 'LOGIN' })).toHaveCSS('background-color', 'rgb(29, 78, 216)');
});

test('a LOGO goes straight to S3, is re-encoded and appears on the login page; SVG is refused', async ({
  page,
  browser,
}) => {
  const sharp = (await import('sharp')).default;
  const logo = await sharp({ create: { width: 1200, height: 400, channels: 3, background: '#7a1fa2' } })
    .png()
    .toBuffer();
  await login(page, farbe, 'farbe.admin', adminPassword);
  await expect(page).toHaveURL(`${farbe}/dashboard`);
  await page.goto(`${farbe}/settings/whitelabel`);
  await page.getByLabel('LOGO hochladen').setInputFiles({
    name: 'logo.svg',
    mimeType: 'image/svg+xml',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  });
  await expect(page.getByText('Bitte laden Sie ein Bild als PNG, JPEG oder WebP hoch (kein SVG).')).toBeVisible();
  await page.getByLabel('LOGO hochladen').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logo });
  await expect(page.getByText('LOGO gespeichert.')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Aktuelles LOGO' })).toBeVisible();

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`${farbe}/login`);
  const img = visitor.getByRole('img', { name: 'Logo Farbe Makler GmbH' });
  await expect(img).toBeVisible();
  const src = await img.getAttribute('src');
  const response = await visitor.goto(`${farbe}${src}`);
  expect(response?.headers()['content-type']).toBe('image/png');
  expect(response?.headers()['cache-control']).toContain('immutable');
});

test('employees who are not admins cannot open the settings', async ({ page }) => {
  await login(page, demo, demoLogins.demo.employee.username, demoLogins.demo.employee.password);
  await expect(page).toHaveURL(`${demo}/dashboard`);
  expect((await page.goto(`${demo}/settings/impressum`))?.status()).toBe(404);
  expect((await page.goto(`${demo}/settings/whitelabel`))?.status()).toBe(404);
});
