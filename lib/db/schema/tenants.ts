import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const tenants = pgTable(
  'tenants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    primaryColor: text('primary_color').notNull().default('#1d4ed8'),
    secondaryColor: text('secondary_color').notNull().default('#0f766e'),
    fontColor: text('font_color').notNull().default('#111827'),
    status: text('status', { enum: ['active', 'suspended'] })
      .notNull()
      .default('active'),
    /** WHITELABEL files in S3 (re-encoded on upload); the version busts caches on replacement. */
    logoKey: text('logo_key'),
    logoWidth: integer('logo_width'),
    logoHeight: integer('logo_height'),
    faviconKey: text('favicon_key'),
    faviconType: text('favicon_type'),
    brandingVersion: integer('branding_version').notNull().default(0),
    /** Origins allowed to frame the embeddable login card (CSP frame-ancestors); empty = nobody. */
    frameAncestors: text('frame_ancestors')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The portal's language for visitors and accounts that chose none (German unless the broker picks English). */
    locale: text('locale', { enum: ['de', 'en'] })
      .notNull()
      .default('de'),
    /** EINSTELLUNGEN: "Zwei-Faktor-Anmeldung für Mitarbeiter verpflichtend" (R-A7). */
    requireEmployeeMfa: boolean('require_employee_mfa').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tenants_slug_key').on(t.slug),
    check('tenants_slug_format', sql`${t.slug} ~ '^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$'`),
    check('tenants_primary_hex', sql`${t.primaryColor} ~ '^#[0-9a-fA-F]{6}$'`),
    check('tenants_secondary_hex', sql`${t.secondaryColor} ~ '^#[0-9a-fA-F]{6}$'`),
    check('tenants_font_hex', sql`${t.fontColor} ~ '^#[0-9a-fA-F]{6}$'`),
    check('tenants_locale_known', sql`${t.locale} in ('de', 'en')`),
  ],
);

/** Custom hosts (e.g. portal.makler-mueller.de); lower-case, no port. */
export const tenantDomains = pgTable(
  'tenant_domains',
  {
    host: text('host').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tenant_domains_tenant_idx').on(t.tenantId),
    check('tenant_domains_host_lower', sql`${t.host} = lower(${t.host})`),
  ],
);

export type Tenant = typeof tenants.$inferSelect;
