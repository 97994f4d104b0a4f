import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants';

/** EINSTELLUNGEN of a tenant: IMPRESSUM and E-MAIL-SIGNATUR (editor JSON + sanitised HTML). */
export const tenantSettings = pgTable('tenant_settings', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  impressumJson: jsonb('impressum_json'),
  impressumHtml: text('impressum_html'),
  signatureJson: jsonb('signature_json'),
  signatureHtml: text('signature_html'),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
