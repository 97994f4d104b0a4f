import { bigint, foreignKey, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants';
import { users } from './users';

/**
 * The passkeys (WebAuthn credentials) of an account. The relying party is the tenant's own host, so a
 * credential belongs to one tenant; `credentialId` is the authenticator's id (base64url), `publicKey` the
 * COSE key (base64url), `counter` the last signature counter seen (a lower one is refused).
 */
export const passkeys = pgTable(
  'passkeys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    credentialId: text('credential_id').notNull(),
    publicKey: text('public_key').notNull(),
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    transports: jsonb('transports').$type<string[]>().notNull().default([]),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [
    foreignKey({
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
      name: 'passkeys_user_fk',
    }).onDelete('cascade'),
    uniqueIndex('passkeys_credential_uq').on(t.tenantId, t.credentialId),
    index('passkeys_user_idx').on(t.tenantId, t.userId),
  ],
);

/**
 * WebAuthn challenges, server-side and single use (so any app instance can finish what another began):
 * the hash of the challenge, what it is for, the account (registration, second step) or none (sign-in with a
 * passkey alone), the pending login of a second step, 5 minutes.
 */
export const webauthnChallenges = pgTable(
  'webauthn_challenges',
  {
    challengeHash: text('challenge_hash').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id'),
    purpose: text('purpose').$type<'register' | 'login' | 'second'>().notNull(),
    pendingHash: text('pending_hash'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
      name: 'webauthn_challenges_user_fk',
    }).onDelete('cascade'),
    index('webauthn_challenges_expiry_idx').on(t.expiresAt),
  ],
);

export type Passkey = typeof passkeys.$inferSelect;
