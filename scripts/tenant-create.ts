/**
 * Platform operator CLI:
 *   npm run tenant:create -- --slug acme --name "Acme Makler GmbH" --admin-email anna@acme.de --admin-birth-date 12.04.1979 \
 *     [--admin-first-name Anna --admin-last-name Berger] [--domain portal.acme.de] [--password …]
 *     [--primary "#0b4f6c" --secondary "#f2a541" --font "#1f2933"]
 * Creates the tenant and its first admin, queues a welcome mail and prints the login link, the
 * BENUTZERNAME and the initial password (generated when --password is not given).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createElement } from 'react';
import { ZodError } from 'zod';
import { hashPassword } from '../lib/auth/password';
import { createDb } from '../lib/db/client';
import { EnvError } from '../lib/env';
import { parseGermanDate } from '../lib/forms/fields';
import { enqueueMail } from '../lib/mail/outbox';
import { WelcomeMail } from '../lib/mail/templates/welcome';
import { createTenant, SlugTakenError } from '../lib/tenant/create';
import { tenantBaseUrl } from '../lib/tenant/lookup';
import { prepareServices } from './services';

const usage = `Usage: npm run tenant:create -- --slug <slug> --name "<Firmenname>" --admin-email <e-mail> --admin-birth-date <TT.MM.JJJJ>
  [--admin-first-name <Vorname>] [--admin-last-name <Nachname>] [--domain <host>]... [--password <initial password>]
  [--primary <#rrggbb>] [--secondary <#rrggbb>] [--font <#rrggbb>]`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      slug: { type: 'string' },
      name: { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-first-name': { type: 'string', default: 'Admin' },
      'admin-last-name': { type: 'string' },
      'admin-birth-date': { type: 'string' },
      domain: { type: 'string', multiple: true, default: [] },
      password: { type: 'string' },
      primary: { type: 'string' },
      secondary: { type: 'string' },
      font: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.slug || !values.name || !values['admin-email'] || !values['admin-birth-date']) {
    console.error(usage);
    return values.help ? 0 : 2;
  }
  const password = values.password ?? randomBytes(15).toString('base64url');
  if (password.length < 12) {
    console.error('✖ --password: at least 12 characters');
    return 2;
  }

  const birthDate = parseGermanDate(values['admin-birth-date']!);
  if (!birthDate) {
    console.error('✖ --admin-birth-date: a real date as TT.MM.JJJJ (it is the PIN of a later password reset)');
    return 2;
  }

  const services = await prepareServices({ seed: false, log: () => {} });
  const { db, sql } = createDb(services.env.DATABASE_URL!, 1);
  try {
    const passwordHash = await hashPassword(password);
    const { tenant, admin } = await db.transaction(async (tx) => {
      const created = await createTenant(tx, {
        slug: values.slug!,
        name: values.name!,
        primaryColor: values.primary,
        secondaryColor: values.secondary,
        fontColor: values.font,
        domains: values.domain,
        admin: {
          email: values['admin-email']!,
          firstName: values['admin-first-name']!,
          lastName: values['admin-last-name'] ?? values.name!,
          birthDate,
          passwordHash,
        },
      });
      const brand = {
        name: created.tenant.name,
        colors: {
          primary: created.tenant.primaryColor,
          secondary: created.tenant.secondaryColor,
          font: created.tenant.fontColor,
        },
      };
      await enqueueMail(tx, {
        tenantId: created.tenant.id,
        template: 'welcome',
        to: created.admin.email,
        subject: `Ihr Zugang zu ${created.tenant.name}`,
        fromName: created.tenant.name,
        element: createElement(WelcomeMail, {
          brand,
          firstName: created.admin.firstName,
          username: created.admin.username,
          loginUrl: `${tenantBaseUrl(created.tenant)}/login`,
        }),
      });
      return created;
    });
    console.log(`✓ Mandant „${tenant.name}“ angelegt.
  Login:          ${tenantBaseUrl(tenant)}/login${values.domain.length ? `\n  Eigene Domain:  ${values.domain.map((d) => `https://${d}/login`).join(', ')}` : ''}
  BENUTZERNAME:   ${admin.username}
  Passwort:       ${password}   (bitte auf sicherem Weg übergeben; der Admin kann es später ändern)
  Eine Willkommens-Mail an ${admin.email} liegt im Postausgang.`);
    return 0;
  } catch (error) {
    if (error instanceof SlugTakenError) console.error(`✖ ${error.message}`);
    else if (error instanceof ZodError)
      console.error(`✖ Invalid input:\n${error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`);
    else throw error;
    return 1;
  } finally {
    await sql.end({ timeout: 5 });
    await services.stop();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(error instanceof EnvError ? `✖ ${error.message}` : error);
    process.exit(1);
  });
