/**
 * ACCESSIBILITY CRAWL: for each role (admin, an employee with partial rights, a client with partial
 * FREIGABEN, a public visitor, the operator) every page reachable by links from the role's start pages,
 * checked by axe-core (WCAG 2.0/2.1 A and AA tags) at 1280 px and – after resizing the same page – at
 * 360 px, plus states a crawl does not reach by links (dialogs, form errors, the upload panel with
 * previews, a ticket thread, the FREIGABEN warning). Fails on any serious or critical finding, on any page
 * wider than the viewport, on a page without exactly one h1 and one main landmark, on touch targets under
 * 44 px in the main content at 360 px, and on sideways scrolling with the text at 200 % (key pages). A tenant
 * whose ERSTE SCHRIFTFARBE is white is crawled too (no contrast finding). The roles run as parallel tests
 * (the admin's pages split in two), one login each; axe runs in legacy mode (no extra page per analysis)
 * and reports violations only, which keeps the run short on the 2-core CI.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { hashPassword } from '../../lib/auth/password';
import { createTenant } from '../../lib/tenant/create';
import { demo, login, loginAsDemoAdmin, operatorCredentials, platform, PORT } from './helpers';
import { loginAs, makeClient, makeEmployee, on, seedTicket, withDb, type Person } from './world';

test.describe.configure({ mode: 'parallel', timeout: 240_000 });

const WIDE = 1280;
const PHONE = 360;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const MAX_PAGES = 40;

interface Finding {
  rule: string;
  where: string;
  nodes: string[];
}

/** In the page: h1 count, and (on phones) buttons/links of <main> smaller than 44 × 44 px outside running text. */
function layoutFacts(phone: boolean) {
  const h1 = document.querySelectorAll('h1').length;
  const mains = document.querySelectorAll('main').length;
  const small: string[] = [];
  if (phone) {
    const targets = document.querySelectorAll<HTMLElement>(
      'main a[href], main button, main summary, main select, main [role="button"], main input[type="checkbox"], main input[type="radio"], main input[type="file"]:not(.sr-only)',
    );
    for (const el of targets) {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || el.closest('[hidden], [aria-hidden="true"], dialog:not([open])')) continue;
      // A link inside a sentence is exempt (WCAG 2.5.5 "inline").
      if (el.tagName === 'A' && style.display === 'inline') continue;
      // A checkbox or radio counts with its label.
      const box = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');
      const target = (box ? (el as HTMLInputElement).labels?.[0] : null) ?? el;
      const r = target.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (el.classList.contains('sr-only') && el.tagName === 'INPUT') continue;
      if (r.height < 43.5 || r.width < 43.5) {
        const name = (target.textContent ?? '').trim().slice(0, 30) || el.getAttribute('aria-label') || el.tagName;
        small.push(`${el.tagName.toLowerCase()} "${name}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
  }
  // Where a page is too wide: the outermost elements that stick out (their parent does not).
  const culprits: string[] = [];
  if (document.documentElement.scrollWidth > window.innerWidth) {
    const edge = window.innerWidth + 1;
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      if (culprits.length >= 3) break;
      const parent = el.parentElement;
      if (el.getBoundingClientRect().right > edge && parent && parent.getBoundingClientRect().right <= edge)
        culprits.push(`${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 6).join('.')}`);
    }
  }
  return {
    h1,
    mains,
    small,
    culprits,
    innerWidth: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
  };
}

class Run {
  views = 0;
  states = 0;
  findings: Finding[] = [];
  wide: string[] = [];
  headings: string[] = [];
  small: string[] = [];
  /** Where the time goes: navigation vs. the checks (ms). */
  ms = { load: 0, axe: 0 };
  zoomed = 0;
  private started = Date.now();
  constructor(readonly role: string) {}

  private async checkOne(page: Page, where: string) {
    const phone = (page.viewportSize()?.width ?? WIDE) <= PHONE;
    const facts = await page.evaluate(layoutFacts, phone);
    if (facts.scrollWidth > facts.innerWidth)
      this.wide.push(`${where} (${facts.scrollWidth} > ${facts.innerWidth}: ${facts.culprits.join(', ')})`);
    if (facts.h1 !== 1) this.headings.push(`${where}: ${facts.h1} h1`);
    if (facts.mains !== 1) this.headings.push(`${where}: ${facts.mains} main landmarks`);
    if (facts.small.length) this.small.push(`${where}: ${facts.small.join('; ')}`);
    const t0 = Date.now();
    const result = await new AxeBuilder({ page })
      .setLegacyMode(true)
      .withTags(TAGS)
      .options({ resultTypes: ['violations'] })
      .analyze();
    this.ms.axe += Date.now() - t0;
    for (const v of result.violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      this.findings.push({ rule: v.id, where, nodes: v.nodes.map((n) => n.target.join(' ')) });
    }
  }

  /** The current page at 1280 px, then resized to 360 px (and back): one navigation, both widths. */
  async check(page: Page, where: string) {
    await page.setViewportSize({ width: WIDE, height: 800 });
    await this.checkOne(page, `${WIDE}px ${where}`);
    await page.setViewportSize({ width: PHONE, height: 740 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await this.checkOne(page, `${PHONE}px ${where}`);
    await page.setViewportSize({ width: WIDE, height: 800 });
    this.views += 2;
  }

  /**
   * Text zoom to 200 % (WCAG 1.4.4) as a browser's text-size setting does it: the default font size doubled
   * (Chromium's Page.setFontSizes), so rem sizes and em media queries follow; nothing may stick out
   * sideways at 1280 px.
   */
  async zoom(page: Page, path: string) {
    await page.setViewportSize({ width: WIDE, height: 800 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    await page.goto(`${new URL(page.url()).origin}${path}`);
    const facts = await page.evaluate(() => ({
      fontSize: getComputedStyle(document.documentElement).fontSize,
      innerWidth: window.innerWidth,
      scrollWidth: document.documentElement.scrollWidth,
    }));
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16, fixed: 13 } });
    await cdp.detach();
    expect(facts.fontSize).toBe('32px');
    this.zoomed++;
    if (facts.scrollWidth > facts.innerWidth)
      this.wide.push(`200 % text ${path} (${facts.scrollWidth} > ${facts.innerWidth})`);
  }

  async state(page: Page, name: string) {
    this.states++;
    await this.check(page, `state ${name}`);
  }

  report() {
    const byRule = new Map<string, number>();
    for (const f of this.findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    const rules = [...byRule].map(([r, n]) => `${r}=${n}`).join(', ') || 'none';
    console.log(
      `a11y ${this.role}: ${this.views} page views (2 widths), ${this.states} states, ${this.zoomed} pages at 200 % text, ${this.findings.length} serious/critical findings (${rules}), ${this.wide.length} too wide, ${this.headings.length} without one h1 and one main, ${this.small.length} with small touch targets; ${Math.round((Date.now() - this.started) / 1000)} s (navigation ${Math.round(this.ms.load / 1000)} s, axe ${Math.round(this.ms.axe / 1000)} s)`,
    );
    for (const line of [...this.wide, ...this.headings, ...this.small]) console.log(`  ${line}`);
    expect(this.findings, JSON.stringify(this.findings, null, 2)).toEqual([]);
    expect(this.wide).toEqual([]);
    expect(this.headings).toEqual([]);
    expect(this.small).toEqual([]);
  }
}

const skip = /\/(api|dev)\/|\/logout|abmelden|\/export|\/embed$|^mailto:|^tel:/;
const shapeOf = (p: string) => p.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>');

/** Visits `start` and every same-origin page linked from there (breadth first) whose path `within` accepts. */
async function crawl(
  page: Page,
  run: Run,
  base: string,
  start: string[],
  within: (path: string) => boolean = () => true,
) {
  const seen = new Set<string>();
  const shapes = new Set<string>(start.map(shapeOf));
  const queue = [...start];
  while (queue.length && seen.size < MAX_PAGES) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const t0 = Date.now();
    const response = await page.goto(`${base}${path}`);
    run.ms.load += Date.now() - t0;
    if (!response || response.status() >= 400) continue;
    const landed = new URL(page.url()).pathname + new URL(page.url()).search;
    if (landed !== path && seen.has(landed)) continue;
    seen.add(landed);
    await run.check(page, landed);
    const links = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of links) {
      const u = new URL(href);
      if (u.origin !== new URL(base).origin) continue;
      const p = u.pathname + u.search;
      if (skip.test(p) || /\/(files|attachments)\//.test(p) || !within(p)) continue;
      // Lists with many rows of the same kind: one row of each is enough.
      if (shapes.has(shapeOf(p))) continue;
      shapes.add(shapeOf(p));
      queue.push(p);
    }
  }
}

let employee: Person;
let client: Person;

test.beforeAll(async () => {
  employee = await makeEmployee('Anna', 'Axe', {
    insurance: 'write',
    finance: 'read',
    other: 'none',
    emergency: 'none',
    communication: 'write',
  });
  client = await makeClient('Axe', { insurance: on, profile: on, communication: on }, employee.id);
  await seedTicket({
    client,
    assignee: employee,
    subject: 'Frage zur Hausratversicherung',
    messages: [
      { by: client, kind: 'client', body: 'Guten Tag, ist mein Fahrrad mitversichert?' },
      { by: employee, kind: 'employee', body: 'Ja, bis 1.000 Euro.' },
    ],
  });
});

const contactPages = (p: string) => /^\/(contacts|documents)\b/.test(p);

test('a11y: admin – contacts and folders', async ({ page }) => {
  const run = new Run('admin contacts');
  await loginAsDemoAdmin(page);
  await crawl(page, run, demo, ['/contacts', '/contacts/new', `/contacts/${client.id}`], contactPages);
  // Form errors: KONTAKT ERSTELLEN sent empty.
  await page.goto(`${demo}/contacts/new`);
  await page.getByRole('button', { name: 'SPEICHERN' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await run.state(page, 'contact form errors');
  // A contact: FREIGABEN with the DATENFREIGABE warning, then the delete confirmation.
  await page.goto(`${demo}/contacts/${client.id}`);
  const box = page.getByRole('checkbox', { name: 'VERSICHERUNGEN: DATENFREIGABE' });
  if (!(await box.isChecked())) await box.click();
  await expect(page.getByText('auch von IHNEN ANGELEGTE VERTRÄGE ÄNDERN und LÖSCHEN')).toBeVisible();
  await run.state(page, 'FREIGABEN with DATENFREIGABE warning');
  await page.getByRole('button', { name: 'KONTAKT LÖSCHEN' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await run.state(page, 'delete confirmation');
  await page.keyboard.press('Escape');
  // The upload panel with a preview of a chosen picture.
  await page.goto(`${demo}/contacts/${client.id}/folder/other`);
  const panel = page.getByRole('button', { name: '+ DOKUMENT HINZUFÜGEN' });
  if (await panel.isVisible()) await panel.click();
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3b82f6' } })
    .png()
    .toBuffer();
  await page.getByTestId('file-input').setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByRole('list', { name: 'Ausgewählte Dateien' })).toContainText('geprüft ✓', {
    timeout: 30_000,
  });
  await run.state(page, 'upload panel with preview');
  run.report();
});

test('a11y: admin – dashboard, tickets, users, settings', async ({ page }) => {
  const run = new Run('admin rest');
  await loginAsDemoAdmin(page);
  await crawl(
    page,
    run,
    demo,
    ['/dashboard', '/tickets', '/users', '/settings', '/settings/website', '/help', '/account'],
    (p) => !contactPages(p),
  );
  // The link dialog of the IMPRESSUM editor, with its error.
  await page.goto(`${demo}/settings/impressum`);
  const editor = page.locator('.ProseMirror');
  await editor.click();
  await page.keyboard.type('Beispiel');
  await page.keyboard.press('ControlOrMeta+A');
  await page.getByRole('button', { name: 'Link einfügen' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await run.state(page, 'link dialog');
  await page.getByRole('dialog').getByRole('textbox').fill('javascript:alert(1)');
  await page.getByRole('dialog').getByRole('button', { name: 'Link übernehmen' }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toBeVisible();
  await run.state(page, 'link dialog with error');
  await page.keyboard.press('Escape');
  // A ticket thread.
  await page.goto(`${demo}/tickets?scope=all`);
  await page
    .getByRole('link', { name: /Frage zur Hausratversicherung/ })
    .first()
    .click();
  await expect(page.getByText('Ja, bis 1.000 Euro.')).toBeVisible();
  await run.state(page, 'ticket thread');
  await run.zoom(page, '/dashboard');
  await run.zoom(page, '/contacts');
  await run.zoom(page, `/contacts/${client.id}`);
  await run.zoom(page, '/tickets');
  run.report();
});

test('a11y: employee with partial rights', async ({ page }) => {
  const run = new Run('employee');
  await loginAs(page, employee, '/dashboard');
  await crawl(page, run, demo, ['/dashboard', '/contacts', '/tickets', '/users', '/settings', '/help', '/account']);
  run.report();
});

test('a11y: client with partial FREIGABEN', async ({ page }) => {
  const run = new Run('client');
  await loginAs(page, client, '/portal');
  await crawl(page, run, demo, ['/portal', '/portal/folder', '/portal/messages', '/portal/profile', '/portal/account']);
  await page.goto(`${demo}/portal/messages`);
  await page
    .getByRole('link', { name: /Frage zur Hausratversicherung/ })
    .first()
    .click();
  await expect(page.getByText('Ja, bis 1.000 Euro.')).toBeVisible();
  await run.state(page, 'ticket thread (client)');
  // A new message sent empty: the form errors.
  await page.goto(`${demo}/portal/messages/new`);
  await page.getByRole('button', { name: 'SENDEN', exact: true }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await run.state(page, 'message form errors (client)');
  await run.zoom(page, '/portal');
  await run.zoom(page, '/portal/folder');
  await run.zoom(page, '/portal/messages/new');
  run.report();
});

test('a11y: public visitor', async ({ page }) => {
  const run = new Run('public');
  await crawl(page, run, demo, ['/login', '/reset', '/impressum', '/anfrage']);
  // Form errors: the lead form sent empty.
  await page.goto(`${demo}/anfrage`);
  await page.getByRole('button', { name: /ABSENDEN|SENDEN/ }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await run.state(page, 'lead form errors');
  // Reduced motion: the button's colour transition is gone for those who asked for less motion.
  const transition = () =>
    page
      .getByRole('button', { name: 'LOGIN' })
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).transitionDuration));
  await page.goto(`${demo}/login`);
  expect(await transition()).toBeGreaterThan(0.05);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await transition()).toBeLessThan(0.001);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await run.zoom(page, '/login');
  await run.zoom(page, '/anfrage');
  run.report();
});

test('a11y: operator', async ({ browser }) => {
  const run = new Run('operator');
  const context = await browser.newContext({ locale: 'de-DE', httpCredentials: operatorCredentials });
  const page = await context.newPage();
  await crawl(page, run, platform, ['/', '/support']);
  await context.close();
  run.report();
});

test('a11y: ERSTE SCHRIFTFARBE white stays readable (a tenant of its own)', async ({ page, browser }) => {
  // The colour change must not touch demo, which the other tests crawl at the same time.
  const slug = `weiss${Math.random().toString(36).slice(2, 7)}`;
  const base = `http://${slug}.localhost:${PORT}`;
  const password = 'Weiss-Admin-Passwort-2026';
  const passwordHash = await hashPassword(password);
  await withDb((db) =>
    db.transaction((tx) =>
      createTenant(tx, {
        slug,
        name: 'Weiß Makler GmbH',
        admin: {
          email: `admin@${slug}.example`,
          firstName: 'Wanda',
          lastName: 'Weiß',
          username: `${slug}.admin`,
          passwordHash,
        },
      }),
    ),
  );
  const run = new Run('white font');
  await login(page, base, `${slug}.admin`, password);
  await expect(page).toHaveURL(`${base}/dashboard`);
  await page.goto(`${base}/settings/whitelabel`);
  await page.getByLabel('ERSTE SCHRIFTFARBE', { exact: true }).fill('#ffffff');
  // The preview says which pair is adjusted, before and after saving.
  await expect(page.getByTestId('contrast-adjusted')).toContainText('Text auf hellem Grund: #111827 statt #ffffff');
  await page.getByRole('button', { name: 'SPEICHERN' }).click();
  await expect(page.getByText('Gespeichert. Die Farben gelten ab dem nächsten Seitenaufruf')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('ERSTE SCHRIFTFARBE', { exact: true })).toHaveValue('#ffffff');
  await expect(page.locator('html')).toHaveAttribute('style', /--tenant-font:#111827/);
  await expect(page.getByTestId('contrast-adjusted')).toContainText('#111827 statt #ffffff');
  await crawl(
    page,
    run,
    base,
    ['/dashboard', '/contacts', '/contacts/new', '/settings', '/settings/whitelabel', '/tickets', '/help'],
    () => false,
  );
  const visitor = await browser.newContext({ locale: 'de-DE' });
  const anonymous = await visitor.newPage();
  await crawl(anonymous, run, base, ['/login', '/anfrage'], () => false);
  await visitor.close();
  const contrast = run.findings.filter((f) => f.rule === 'color-contrast');
  expect(contrast, JSON.stringify(contrast, null, 2)).toEqual([]);
  run.report();
});
