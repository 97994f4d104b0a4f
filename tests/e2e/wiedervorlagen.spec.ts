/**
 * WIEDERVORLAGEN and the client's deadline reminder end to end (issue 15): an advisor creates a follow-up
 * on a contact, finds it under Meine Wiedervorlagen (today) and marks it done; a client with the contract
 * visible switches the reminder on and opens the prefilled message to the advisor the reminder links to.
 *
 * Every test makes its own employee, client and contract in the e2e database (tests/e2e/world.ts).
 */
import { expect, test } from '@playwright/test';
import { and, eq } from 'drizzle-orm';
import { contractReminderOptins, contracts, followUps } from '../../lib/db/schema';
import { calendarDay, contractDeadlines, deadlineInput, toIso } from '../../lib/deadlines';
import { demo } from './helpers';
import { loginAs, makeClient, makeEmployee, tag, withDb } from './world';

const advisorRights = {
  insurance: 'write',
  finance: 'none',
  other: 'none',
  emergency: 'none',
  communication: 'write',
} as const;

test('an advisor creates a Wiedervorlage on a contact, finds it under Meine Wiedervorlagen and marks it done', async ({
  page,
}) => {
  const advisor = await makeEmployee('Vera', 'Vorlage', advisorRights);
  const client = await makeClient('Wiedervorlage', {}, advisor.id);
  const note = `Rückruf wegen Kfz ${tag()}`;
  await loginAs(page, advisor, '/dashboard');

  await page.goto(`${demo}/contacts/${client.id}`);
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'WIEDERVORLAGE ANLEGEN' }) });
  await form.getByLabel('Fällig am').fill(toIso(calendarDay(new Date())));
  await expect(form.getByLabel('Zuständig')).toHaveValue(advisor.id);
  await form.getByLabel('Notiz').fill(note);
  await form.getByRole('button', { name: 'WIEDERVORLAGE ANLEGEN' }).click();
  await expect(page.getByText('Wiedervorlage angelegt.')).toBeVisible();
  await expect(page.getByRole('cell', { name: note })).toBeVisible();

  await expect(page.locator('a[href="/wiedervorlagen"]').first()).toBeAttached();
  await page.goto(`${demo}/wiedervorlagen`);
  await expect(page.getByRole('heading', { name: 'Meine Wiedervorlagen' })).toBeVisible();
  const today = page.getByRole('region', { name: /Heute/ });
  await expect(today.getByRole('cell', { name: note })).toBeVisible();
  await today.getByRole('row').filter({ hasText: note }).getByRole('button', { name: 'ERLEDIGT' }).click();
  const done = page.getByRole('region', { name: /Erledigt/ });
  await expect(done.getByRole('cell', { name: note })).toBeVisible();
  await expect(page.getByRole('region', { name: /Heute/ })).toHaveCount(0);
  await expect(
    done.getByRole('row').filter({ hasText: note }).getByRole('button', { name: 'WIEDER ÖFFNEN' }),
  ).toBeVisible();

  const [row] = await withDb((db, tenantId) =>
    db
      .select()
      .from(followUps)
      .where(and(eq(followUps.tenantId, tenantId), eq(followUps.contactId, client.id))),
  );
  expect(row!.assigneeId).toBe(advisor.id);
  expect(row!.doneAt).not.toBeNull();
});

test('a client switches on the reminder for a contract and writes to the advisor from the reminder link', async ({
  page,
}) => {
  const advisor = await makeEmployee('Rita', 'Erinnerung', advisorRights);
  const client = await makeClient(
    'Erinnerung',
    {
      insurance: { activation: false, dataRelease: true, readOnly: false },
      communication: { activation: true, dataRelease: false, readOnly: false },
    },
    advisor.id,
  );
  const next = new Date().getUTCFullYear() + 1;
  const [contract] = await withDb((db, tenantId) =>
    db
      .insert(contracts)
      .values({
        tenantId,
        contactId: client.id,
        area: 'insurance',
        status: 'aktiv',
        product: 'Kfz-Versicherung',
        provider: 'Muster Versicherung AG',
        sparte: '051',
        mainDueDate: `${next}-01-01`,
        autoRenewal: true,
        createdBy: advisor.id,
      })
      .returning(),
  );
  const deadline = contractDeadlines(deadlineInput(contract!), calendarDay(new Date())).find(
    (d) => d.state === 'open',
  )!;
  await loginAs(page, client, '/portal');

  await page.goto(`${demo}/portal/contracts/${contract!.id}`);
  await expect(page.getByRole('heading', { name: 'Erinnerung per E-Mail' })).toBeVisible();
  await page.getByRole('button', { name: 'ERINNERUNG EINSCHALTEN' }).click();
  await expect(page.getByRole('button', { name: 'ERINNERUNG AUSSCHALTEN' })).toBeVisible();
  const optins = await withDb((db) =>
    db.select().from(contractReminderOptins).where(eq(contractReminderOptins.contractId, contract!.id)),
  );
  expect(optins.map((o) => o.userId)).toEqual([client.id]);

  // The reminder mail's button: a prefilled NEUE NACHRICHT to the BETREUER about this contract and deadline.
  await page.goto(`${demo}/portal/messages/new?vertrag=${contract!.id}&frist=${encodeURIComponent(deadline.id)}`);
  await expect(page.getByLabel('Betreff')).toHaveValue('Frage zu meinem Vertrag Kfz-Versicherung');
  await expect(page.getByLabel('Nachricht')).toHaveValue(/Bitte beraten Sie mich/);
  await expect(page.getByLabel('Nachricht')).toHaveValue(/30\.11\./);
  await page.getByRole('button', { name: /senden/i }).click();
  await expect(page).toHaveURL(new RegExp(`${demo}/portal/messages/[0-9a-f-]{36}`));
  await expect(page.getByText('Frage zu meinem Vertrag Kfz-Versicherung').first()).toBeVisible();
});
