import { bigint, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * The TOTP authenticator of an account (one per account). The secret is AES-256-GCM encrypted at rest
 * (lib/auth/secret-box.ts). `confirmedAt` is null while the setup waits for the first right code;
 * `lastTimeStep` is the 30-second step of the last accepted code, so no code counts twice.
 */
export const userTotp = pgTable(
  'user_totp',
  {
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    secretEnc: text('secret_enc').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    lastTimeStep: bigint('last_time_step', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId], name: 'user_totp_pk' }),
    foreignKey({
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
      name: 'user_totp_user_fk',
    }).onDelete('cascade'),
  ],
);

/** The 10 single-use recovery codes of an account: only a keyed SHA-256 (HMAC) of each is stored. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
      name: 'recovery_codes_user_fk',
    }).onDelete('cascade'),
    index('recovery_codes_user_idx').on(t.tenantId, t.userId),
  ],
);

/**
 * A login whose password was right and which waits for the second factor: no session exists yet. The
 * browser holds the raw id in a short-lived cookie; only its SHA-256 is stored; single use, 5 minutes.
 */
export const pendingLogins = pgTable(
  'pending_logins',
  {
    idHash: text('id_hash').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
      name: 'pending_logins_user_fk',
    }).onDelete('cascade'),
    index('pending_logins_user_idx').on(t.tenantId, t.userId),
  ],
);

export type UserTotp = typeof userTotp.$inferSelect;
