import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Failed-login counters per account and per IP; shared by every app instance. */
export const authThrottle = pgTable('auth_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull().defaultNow(),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
});
