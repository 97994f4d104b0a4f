import { and, count, eq, isNotNull, sql } from 'drizzle-orm';
import type { Ctx } from '../ctx';
import { ticketMessages, tickets } from '../db/schema';
import { DomainError } from '../errors';
import { sendLimits } from './rules';

/**
 * The per-account limit on what mails somebody (issue 13, finding 12): new tickets and replies of the last
 * hour, counted on the rows themselves. Inside the writing transaction a transaction-scoped advisory lock
 * per account and kind makes count-then-insert atomic, so parallel requests cannot all pass one open check:
 * serializeSends, then the idempotency check (a replay is never counted twice), then requireUnderSendLimit.
 * Nothing is stored for it, so a deleted client leaves no counter behind.
 */
export type SendKind = 'tickets' | 'replies';

/** First in the writing transaction: the account's sends of this kind run one after the other until commit. */
export async function serializeSends(ctx: Ctx, kind: SendKind): Promise<void> {
  await ctx.db.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`tickets.${kind}:${ctx.tenant.id}:${ctx.actor.id}`}, 0))`,
  );
}

/** After the idempotency check (a replay is no new send): `rate_limited` once the hour's limit is used up. */
export async function requireUnderSendLimit(ctx: Ctx, kind: SendKind): Promise<void> {
  const { db: tx, tenant, actor } = ctx;
  const since = sql`now() - make_interval(secs => ${sendLimits.windowSeconds})`;
  const [row] =
    kind === 'tickets'
      ? await tx
          .select({ n: count() })
          .from(tickets)
          .where(
            and(eq(tickets.tenantId, tenant.id), eq(tickets.createdBy, actor.id), sql`${tickets.createdAt} > ${since}`),
          )
      : await tx
          .select({ n: count() })
          .from(ticketMessages)
          // A ticket's first message has no key; replies always have one.
          .where(
            and(
              eq(ticketMessages.tenantId, tenant.id),
              eq(ticketMessages.authorId, actor.id),
              isNotNull(ticketMessages.idempotencyKey),
              sql`${ticketMessages.createdAt} > ${since}`,
            ),
          );
  if ((row?.n ?? 0) >= sendLimits[kind]) {
    throw new DomainError(
      'rate_limited',
      kind === 'tickets' ? 'tickets.errors.tooManyTickets' : 'tickets.errors.tooManyReplies',
      { values: { max: sendLimits[kind] } },
    );
  }
}
