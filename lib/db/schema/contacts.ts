import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/** KONTAKT master data beyond the identity in `users` (1:1, same id). */
export const contactProfiles = pgTable(
  'contact_profiles',
  {
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').primaryKey(),
    phone: text('phone'),
    mobile: text('mobile'),
    street: text('street'),
    zip: text('zip'),
    city: text('city'),
    /** BETREUER: the responsible employee. */
    advisorId: uuid('advisor_id'),
    note: text('note'),
    /** FIRMA: a firm is a contact with a company name (names may then be empty). */
    company: text('company'),
    /** KUNDENNUMMER from the broker's old system (import). */
    customerNumber: text('customer_number'),
    /** 'import' when the contact came from an import (issue 14); null = typed in. */
    origin: text('origin'),
    /** NEUKUNDENGEWINNUNG: a prospect from the public contact form, until an advisor takes them on. */
    lead: boolean('lead').notNull().default(false),
    leadTopic: text('lead_topic'),
    leadMessage: text('lead_message'),
    leadConsentAt: timestamp('lead_consent_at', { withTimezone: true }),
    /** ARCHIVIEREN: login off, data kept (retention periods); cleared when reactivated. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
      name: 'contact_profiles_user_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.tenantId, t.advisorId],
      foreignColumns: [users.tenantId, users.id],
      name: 'contact_profiles_advisor_fk',
    }),
    index('contact_profiles_tenant_advisor_idx').on(t.tenantId, t.advisorId),
    // The start page's "neue Interessenten": few rows per tenant, counted without touching the others.
    index('contact_profiles_tenant_lead_idx')
      .on(t.tenantId, t.createdAt)
      .where(sql`${t.lead}`),
  ],
);

/** Single-use links of PASSWORT-MAIL #1 and of the password reset; only the SHA-256 is stored. */
export const accountTokens = pgTable(
  'account_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    purpose: text('purpose', { enum: ['invite', 'reset'] }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    /** Set when a newer link replaced this one. */
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    pinFailures: integer('pin_failures').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
      name: 'account_tokens_user_fk',
    }).onDelete('cascade'),
    index('account_tokens_user_idx').on(t.tenantId, t.userId),
  ],
);
