import { expect, test, type Page } from '@playwright/test';
import { demoLogins } from '../../lib/db/seed';
import { startCluster, type Cluster } from './cluster';

/**
 * Issue 17, "Scale-out, proven": two app instances on one PostgreSQL and one S3 behave as one. Everything that
 * could live in one process's memory (sessions, throttles, PIN counters, the tenant cache, the workers) is
 * tried across both. Desktop only: the phone project would start a second cluster for nothing.
 */
test.describe.configure({ mode: 'serial' });
test.skip(({ isMobile }) => isMobile, 'one cluster per run');
test.setTimeout(180_000);

let cluster: Cluster;
const admin = demoLogins.demo.admin;
const employee = demoLogins.demo.employee;
const client = demoLogins.demo.client;
const mails = 2000;
const deletions = 40;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  cluster = await startCluster({
    prepare: async (sql) => {
      // Found by the workers of both instances as they boot: queued mails and deletion jobs whose objects are
      // gone already (the storage step is idempotent), so each must be worked exactly once.
      const [tenant] = await sql<{ id: string }[]>`SELECT id FROM tenants WHERE slug = 'demo'`;
      await sql`
      INSERT INTO outbox (tenant_id, template, from_address, to_address, subject, html, text)
      SELECT ${tenant!.id}, 'cluster', 'noreply@mappe.localhost', 'kunde' || g || '@cluster.example',
        'Cluster ' || g, '<p>' || g || '</p>', 'Mail ' || g
      FROM generate_series(1, ${mails}) g`;
      await sql`
      INSERT INTO deletion_jobs (tenant_id, pseudonym, object_keys)
      SELECT ${tenant!.id}, 'Gelöschter Kunde ' || g, ARRAY['tenants/' || ${tenant!.id} || '/documents/gone-' || g]
      FROM generate_series(1, ${deletions}) g`;
    },
  });
});

test.afterAll(async () => {
  await cluster?.stop();
});

async function signIn(page: Page, base: string, username: string, password: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Benutzername oder E-Mail').fill(username);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'LOGIN' }).click();
}

test('every queued mail goes out exactly once although both instances run the outbox worker', async () => {
  await expect
    .poll(async () => cluster.resend.sent.filter((m) => m.subject.startsWith('Cluster ')).length, {
      timeout: 120_000,
      intervals: [500],
    })
    .toBeGreaterThanOrEqual(mails);
  // Give a double delivery the time to show up before counting.
  await new Promise((r) => setTimeout(r, 3000));
  const ours = cluster.resend.sent.filter((m) => m.subject.startsWith('Cluster '));
  expect(ours).toHaveLength(mails);
  expect(new Set(ours.map((m) => m.idempotencyKey)).size).toBe(mails);
  expect(new Set(ours.map((m) => m.to[0])).size).toBe(mails);
  const [row] = await cluster.sql<{ sent: number; attempts: number }[]>`
    SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, max(attempts)::int AS attempts
    FROM outbox WHERE template = 'cluster'`;
  expect(row).toEqual({ sent: mails, attempts: 1 });
});

test('the boot sweep of both instances works each deletion job once', async () => {
  await expect
    .poll(
      async () =>
        (await cluster.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM deletion_jobs WHERE status = 'done'`)[0]!.n,
      { timeout: 30_000 },
    )
    .toBe(deletions);
  const attempts = await cluster.sql<{ attempts: number; n: number }[]>`
    SELECT attempts, count(*)::int AS n FROM deletion_jobs GROUP BY attempts`;
  expect(attempts).toEqual([{ attempts: 1, n: deletions }]);
});

test('a session from A works on B, and logging out on A ends it on B at once', async ({ page, context }) => {
  const { a, b } = cluster;
  await signIn(page, a.base('demo'), admin.username, admin.password);
  await expect(page).toHaveURL(`${a.base('demo')}/dashboard`);
  // Cookies do not carry a port: the same browser is signed in on B.
  await page.goto(`${b.base('demo')}/contacts`);
  await expect(page).toHaveURL(`${b.base('demo')}/contacts`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const session = (await context.cookies()).find((c) => c.name === 'mappe.session')!;
  await page.goto(`${a.base('demo')}/dashboard`);
  await page.getByRole('button', { name: 'Abmelden' }).first().click();
  await expect(page).toHaveURL(`${a.base('demo')}/login?abgemeldet=1`);
  await context.addCookies([session]);
  await page.goto(`${b.base('demo')}/dashboard`);
  await expect(page).toHaveURL(`${b.base('demo')}/login`);
});

test('an employee locked on A cannot sign in on B', async ({ page, browser }) => {
  const { a, b } = cluster;
  const [user] = await cluster.sql<{ id: string }[]>`SELECT id FROM users WHERE username = ${employee.username}`;
  await signIn(page, a.base('demo'), admin.username, admin.password);
  await expect(page).toHaveURL(`${a.base('demo')}/dashboard`);
  await page.goto(`${a.base('demo')}/users/${user!.id}`);
  await page.getByRole('button', { name: 'Sperren' }).click();
  await expect(page.getByRole('button', { name: 'Entsperren' })).toBeVisible();

  const other = await (await browser.newContext()).newPage();
  await signIn(other, b.base('demo'), employee.username, employee.password);
  await expect(other.getByRole('main').getByRole('alert')).toHaveText('Benutzername oder Passwort ist nicht korrekt.');
  await expect(other).toHaveURL(`${b.base('demo')}/login`);
  await other.context().close();
});

test('the login throttle counts failures on A and B together', async ({ page }) => {
  const { a, b } = cluster;
  // Ten wrong passwords, alternating between the instances; from the fifth on each one waits out the
  // growing delay (1, 2, 4 s …) the previous one started, wherever it was recorded.
  for (let i = 0; i < 10; i++) {
    const base = i % 2 === 0 ? a.base('demo') : b.base('demo');
    await expect(async () => {
      await signIn(page, base, client.username, `falsch-${i}-Passwort`);
      await expect(page.getByRole('main').getByRole('alert')).toHaveText(
        'Benutzername oder Passwort ist nicht korrekt.',
        { timeout: 3000 },
      );
    }).toPass({ timeout: 45_000, intervals: [500, 1000, 2000] });
  }
  // The tenth failure holds the account for 32 s: the right password is held back on either instance.
  for (const base of [a.base('demo'), b.base('demo')]) {
    await signIn(page, base, client.username, client.password);
    await expect(page.getByRole('main').getByRole('alert')).toContainText('Zu viele Fehlversuche');
    await expect(page).toHaveURL(`${base}/login`);
  }
});

test('the PIN counter of a reset link is shared: five wrong PINs over A and B burn it', async ({ page }) => {
  const { a, b } = cluster;
  await page.goto(`${a.base('demo')}/reset`);
  await page.getByLabel('Benutzername oder E-Mail').fill(client.username);
  await page.getByRole('button', { name: 'LINK ANFORDERN' }).click();
  await expect(page.getByText('Wenn es zu diesen Angaben ein Benutzerkonto gibt')).toBeVisible();
  let link = '';
  await expect
    .poll(
      () => {
        const mail = cluster.resend.sent.findLast((m) => /\/reset\/|\/activate\//.test(m.text));
        link = /(https?:\/\/\S+\/(?:reset|activate)\/\S+)/.exec(mail?.text ?? '')?.[1] ?? '';
        return link;
      },
      { timeout: 30_000 },
    )
    .not.toBe('');
  const token = new URL(link).pathname;
  const password = 'Cluster-Neues-Passwort-2026';
  // Five wrong PINs, alternating between the instances, each answered before the next …
  for (let i = 0; i < 5; i++) {
    const base = i % 2 === 0 ? a.base('demo') : b.base('demo');
    await page.goto(`${base}${token}`);
    await page.locator('input[name="password"]').fill(password);
    await page.locator('input[name="passwordRepeat"]').fill(password);
    await page.getByLabel(/PIN/).fill(`0101190${i}`);
    await page.getByRole('button', { name: 'PASSWORT SPEICHERN' }).click();
    await expect(page.getByText(/Die PIN stimmt nicht\.|Der Link ist aus Sicherheitsgründen gesperrt/)).toBeVisible();
  }
  // … and the link is burnt on both.
  for (const base of [a.base('demo'), b.base('demo')]) {
    await page.goto(`${base}${token}`);
    await expect(page.getByText('Der Link ist aus Sicherheitsgründen gesperrt')).toBeVisible();
    await expect(page.locator('input[name="password"]')).toHaveCount(0);
  }
});

test('a colour changed on A shows on B within the tenant cache TTL (15 s)', async ({ page, browser }) => {
  const { a, b } = cluster;
  const visitor = await (await browser.newContext()).newPage();
  // B has the tenant cached from this visit on.
  await visitor.goto(`${b.base('demo')}/login`);
  await signIn(page, a.base('demo'), admin.username, admin.password);
  await expect(page).toHaveURL(`${a.base('demo')}/dashboard`);
  await page.goto(`${a.base('demo')}/settings/whitelabel`);
  await page.getByLabel('HAUPTFARBE', { exact: true }).fill('#7a1fa2');
  await page.getByRole('button', { name: 'SPEICHERN' }).click();
  await expect(page.getByText('Gespeichert. Die Farben gelten ab dem nächsten Seitenaufruf')).toBeVisible();
  const saved = Date.now();
  await expect
    .poll(
      async () => {
        await visitor.goto(`${b.base('demo')}/login`);
        return visitor.getByRole('button', { name: 'LOGIN' }).evaluate((el) => getComputedStyle(el).backgroundColor);
      },
      { timeout: 25_000, intervals: [1000] },
    )
    .toBe('rgb(122, 31, 162)');
  expect(Date.now() - saved).toBeLessThan(16_000 + 5_000);
  await visitor.context().close();
});
