/**
 * Whether an error means a part is down right now (PostgreSQL restarting or unreachable, the object store
 * refusing connections or answering 5xx) rather than a bug. Such an error gets the `unavailable` answer
 * ("Dieser Teil ist gerade nicht erreichbar …", HTTP 503) instead of the generic one, and is logged as one
 * line without a stack: nothing is wrong with the request, it can simply be tried again.
 */

/** Node's socket errors on connect, reset or DNS. */
const socketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);

/** postgres.js's own connection errors. */
const driverCodes = new Set(['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);

/**
 * SQLSTATE classes and codes of a server going away: 08 (connection exception), 57P01–57P03 (admin shutdown,
 * crash shutdown, cannot connect now), 53300 (too many connections).
 */
function isServerGone(sqlState: string): boolean {
  return sqlState.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(sqlState);
}

interface ErrorLike {
  code?: unknown;
  name?: unknown;
  cause?: unknown;
  errors?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

export function isOutage(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as ErrorLike;
  if (typeof e.code === 'string' && (socketCodes.has(e.code) || driverCodes.has(e.code) || isServerGone(e.code)))
    return true;
  // The AWS SDK: a 5xx after its retries, or a request that timed out.
  const status = e.$metadata?.httpStatusCode;
  if (typeof status === 'number' && status >= 500) return true;
  if (e.name === 'TimeoutError') return true;
  // Wrapped errors (drizzle's query error, fetch's TypeError, AggregateError of several addresses).
  if (isOutage(e.cause, depth + 1)) return true;
  return Array.isArray(e.errors) && e.errors.some((inner) => isOutage(inner, depth + 1));
}

/** A short label for the log line: the code or name, never the message (it may carry a host or a key). */
export function outageLabel(error: unknown): string {
  const e = (error ?? {}) as ErrorLike;
  const inner = (e.cause ?? {}) as ErrorLike;
  const code = [e.code, inner.code, e.name].find((v) => typeof v === 'string' && v !== 'Error');
  return typeof code === 'string' ? code : 'unknown';
}
