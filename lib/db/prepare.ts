import type postgres from 'postgres';

/**
 * drizzle hands every query to postgres.js with `prepare: false` (it prepares only queries built with
 * `.prepare(name)`), so each statement was parsed, rewritten with its row-security policies and planned
 * afresh – in PostgreSQL about 0.3–0.5 ms of CPU per statement, several times its execution (measured with
 * pg_stat_statements on the start page, issue 17). With the pool's `prepare` (DATABASE_PREPARE, default on)
 * the statements are named and prepared once per connection; behind a pooler in transaction mode that cannot
 * keep them, DATABASE_PREPARE=false sends them unnamed as before.
 */
/**
 * A statement with a LIKE pattern stays unnamed, planned for its pattern every time: PostgreSQL switches a named
 * statement to a generic plan after five runs, and for the contact search that plan (blind to how selective the
 * pattern is) cost 26–55 ms of PostgreSQL CPU per search instead of 5 (issue 17). Everything else keeps its plan.
 */
export function preparable(query: string): boolean {
  return !/\b(?:i?like)\b/i.test(query);
}

export function withPoolPrepare<T extends postgres.Sql | postgres.TransactionSql>(client: T, prepare: boolean): T {
  if (!prepare) return client;
  return new Proxy(client, {
    get(target, key, receiver) {
      if (key === 'unsafe')
        return (query: string, params?: unknown[], options?: Record<string, unknown>) =>
          target.unsafe(query, params as never[], { ...options, prepare: preparable(query) } as never);
      if (key === 'begin')
        return (...args: unknown[]) => {
          const at = args.findIndex((a) => typeof a === 'function');
          const fn = args[at] as (tx: postgres.TransactionSql) => unknown;
          const wrapped = [...args];
          wrapped[at] = (tx: postgres.TransactionSql) => fn(withPoolPrepare(tx, true));
          return (target as postgres.Sql).begin(...(wrapped as [never]));
        };
      if (key === 'savepoint')
        return (...args: unknown[]) => {
          const at = args.findIndex((a) => typeof a === 'function');
          const fn = args[at] as (tx: postgres.TransactionSql) => unknown;
          const wrapped = [...args];
          wrapped[at] = (tx: postgres.TransactionSql) => fn(withPoolPrepare(tx, true));
          return (target as postgres.TransactionSql).savepoint(...(wrapped as [never]));
        };
      return Reflect.get(target, key, receiver);
    },
  });
}
