/**
 * KEYBOARD ONLY: a client logs in, opens the DIGITALER ORDNER, adds a contract with a document and sends a
 * message; an advisor creates a contact and sets FREIGABEN – every step with page.keyboard (Tab, typing,
 * Enter, Space, arrows; a file is handed to the file chooser that Enter opened). At each stop the focused
 * element shows a focus outline, Tab always moves on (no trap), and a dialog gives focus back on Escape.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demo, demoLogins } from './helpers';
import { makeClient, makeEmployee, minimalPdf, on, PASSWORD, tag, type Person } from './world';

test.describe.configure({ mode: 'parallel', timeout: 120_000 });

/** The focused element's outline (the :focus-visible ring of app/globals.css), as the browser computes it. */
async function focusRing(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const w = window as unknown as { keyboardLast?: Element | null };
    const moved = w.keyboardLast !== el;
    w.keyboardLast = el;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    return {
      moved,
      what: `${el.tagName.toLowerCase()} ${el.getAttribute('name') ?? el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? ''}`,
      visible: s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) >= 2,
    };
  });
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus. Every element passed on the way must show a
 * visible focus ring, and focus must move on (a date field's day, month, year and calendar button take a
 * Tab each; more presses on one element are a trap).
 */
async function tabTo(page: Page, target: Locator, { max = 200, back = false } = {}) {
  await expect(target).toBeVisible();
  let same = 0;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const ring = await focusRing(page);
    if (ring) expect(ring.visible, `visible focus on ${ring.what}`).toBe(true);
    same = ring && !ring.moved ? same + 1 : 0;
    expect(same, `focus stuck on ${ring?.what}`).toBeLessThan(4);
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return;
  }
  throw new Error(`Tab did not reach ${target.toString()} in ${max} presses`);
}

/** Tab to a link or button and press Enter. */
async function activate(page: Page, target: Locator, key: 'Enter' | 'Space' = 'Enter') {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

async function keyboardLogin(page: Page, username: string, password: string) {
  await page.goto(`${demo}/login`);
  await typeInto(page, page.getByLabel('Benutzername oder E-Mail'), username);
  await typeInto(page, page.getByLabel('Passwort'), password);
  await page.keyboard.press('Enter');
}

let client: Person;

test.beforeAll(async () => {
  const advisor = await makeEmployee('Kai', 'Tastatur');
  client = await makeClient('Tastatur', { insurance: on, communication: on, profile: on }, advisor.id);
});

test('keyboard only: a client logs in, adds a contract with a document and sends a message', async ({ page }) => {
  await keyboardLogin(page, client.email, PASSWORD);
  await expect(page).toHaveURL(`${demo}/portal`);

  // The skip link comes first and leads to the content.
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('href', '#inhalt');

  // DIGITALER ORDNER → VERSICHERUNGEN → + VERTRAG HINZUFÜGEN.
  await activate(page, page.getByRole('main').getByRole('link', { name: /DIGITALER ORDNER/ }));
  await expect(page).toHaveURL(`${demo}/portal/folder`);
  await activate(
    page,
    page
      .getByRole('main')
      .getByRole('link', { name: /VERSICHERUNGEN/ })
      .first(),
  );
  await expect(page).toHaveURL(`${demo}/portal/folder/insurance`);
  await activate(page, page.getByRole('link', { name: '+ VERTRAG HINZUFÜGEN' }));
  await expect(page).toHaveURL(`${demo}/portal/folder/insurance/new`);

  // The form: a select by type-ahead, the provider combobox by typing and arrows, then SPEICHERN.
  await typeInto(page, page.getByLabel('PRODUKT / SPARTE'), 'Hausrat');
  await expect(page.getByLabel('PRODUKT / SPARTE')).toHaveValue(/Hausrat/);
  const provider = page.getByRole('combobox', { name: 'VERSICHERER' });
  await typeInto(page, provider, 'CONDOR');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(provider).toHaveValue(/CONDOR/);
  const number = `HR-${tag()}`;
  await typeInto(page, page.getByLabel('VERSICHERUNGSNUMMER'), number);
  await activate(page, page.getByRole('button', { name: 'SPEICHERN' }));
  await expect(page).toHaveURL(/\/portal\/contracts\/[0-9a-f-]{36}/);

  // The document: TITEL, the file chooser opened with Enter, SPEICHERN.
  const form = page.locator('form').filter({ has: page.getByTestId('file-input') });
  const openPanel = page.getByRole('button', { name: '+ DOKUMENT HINZUFÜGEN' });
  if (await openPanel.isVisible()) await activate(page, openPanel);
  await typeInto(page, form.getByLabel('TITEL'), 'Police per Tastatur');
  await tabTo(page, form.locator('button', { hasText: 'Datei auswählen' }));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
  await chooser.setFiles({ name: 'police.pdf', mimeType: 'application/pdf', buffer: minimalPdf('Police') });
  await expect(form.getByRole('list', { name: 'Ausgewählte Dateien' })).toContainText('geprüft ✓', {
    timeout: 30_000,
  });
  await activate(page, form.getByRole('button', { name: 'SPEICHERN' }));
  await expect(page.getByRole('status').filter({ hasText: 'Das Dokument ist gespeichert.' })).toBeVisible();

  // KOMMUNIKATION: a new message.
  await page.goto(`${demo}/portal/messages`);
  await activate(
    page,
    page
      .getByRole('main')
      .getByRole('link', { name: /NEUE NACHRICHT|NEUER EINTRAG|Neue Nachricht/ })
      .first(),
  );
  await expect(page).toHaveURL(`${demo}/portal/messages/new`);
  const to = page.getByLabel('AN', { exact: true });
  if ((await to.count()) && !(await to.inputValue())) await typeInto(page, to, 'Kai');
  const subject = `Per Tastatur ${tag()}`;
  await typeInto(page, page.getByLabel('BETREFF'), subject);
  await typeInto(page, page.getByLabel('NACHRICHT'), 'Diese Nachricht kam ohne Maus.');
  await activate(page, page.getByRole('button', { name: 'SENDEN', exact: true }));
  await expect(page.getByText('Diese Nachricht kam ohne Maus.').first()).toBeVisible();
});

test('keyboard only: an advisor creates a contact and sets FREIGABEN; the delete dialog returns focus', async ({
  page,
}) => {
  await keyboardLogin(page, demoLogins.demo.admin.username, demoLogins.demo.admin.password);
  await expect(page).toHaveURL(`${demo}/dashboard`);

  await activate(
    page,
    page
      .getByRole('navigation')
      .first()
      .getByRole('link', { name: /KONTAKTE/ }),
  );
  await expect(page).toHaveURL(`${demo}/contacts`);
  await activate(page, page.getByRole('link', { name: 'KONTAKT ERSTELLEN' }));
  await expect(page).toHaveURL(`${demo}/contacts/new`);

  // Sent empty first: the errors are announced and tied to their fields.
  await activate(page, page.getByRole('button', { name: 'SPEICHERN' }));
  const lastName = page.getByLabel('Nachname');
  await expect(lastName).toHaveAttribute('aria-invalid', 'true');
  const described = await lastName.getAttribute('aria-describedby');
  expect(described).toBeTruthy();
  await expect(page.locator(`[id="${described!.split(' ')[0]}"]`)).toHaveAttribute('role', 'alert');

  // Back to the top of the form, then the fields in order.
  const id = tag();
  await page.getByLabel('Vorname').focus();
  await page.keyboard.type('Tessa');
  await typeInto(page, lastName, `Tastatur${id}`);
  await typeInto(page, page.getByLabel('Geburtsdatum'), '12031988');
  await typeInto(page, page.getByLabel('KUNDEN-E-MAIL'), `tessa.${id}@kunde.example`);
  await activate(page, page.getByRole('button', { name: 'SPEICHERN' }));
  await expect(page).toHaveURL(/\/contacts(\/[0-9a-f-]{36}|\?neu=)/);
  if (!/\/contacts\/[0-9a-f-]{36}/.test(page.url())) {
    await activate(page, page.getByRole('link', { name: new RegExp(`Tastatur${id}`) }).first());
  }
  await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}/);
  // The buttons below open dialogs from client code: wait until the page is interactive.
  await page.waitForLoadState('networkidle');

  // BENUTZERKONTO ERSTELLEN asks first: the dialog takes the focus, Escape gives it back to the button.
  const create = page.getByRole('button', { name: 'BENUTZERKONTO ERSTELLEN' });
  await activate(page, create);
  const confirm = page.getByRole('dialog', { name: 'Benutzerkonto erstellen?' });
  await expect(confirm).toBeVisible();
  expect(await confirm.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(create).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeVisible();
  await activate(page, confirm.getByRole('button', { name: 'Ja, Konto erstellen' }));
  await expect(page.getByText('Das Benutzerkonto ist erstellt.')).toBeVisible();

  // FREIGABEN: Space on a switch, then FREIGABEN SPEICHERN; the result is a status message.
  const activation = page.getByRole('checkbox', { name: 'VERSICHERUNGEN: FREISCHALTUNG' });
  await tabTo(page, activation, { max: 120 });
  await page.keyboard.press('Space');
  await expect(activation).toBeChecked();
  await activate(page, page.getByRole('button', { name: 'FREIGABEN SPEICHERN' }));
  await expect(page.getByRole('status').filter({ hasText: 'Die FREIGABEN sind gespeichert.' })).toBeVisible();

  // The delete confirmation: opened with Enter, closed with Escape, focus back on its button.
  const remove = page.getByRole('button', { name: 'KONTAKT LÖSCHEN' });
  await activate(page, remove);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(remove).toBeFocused();
});
