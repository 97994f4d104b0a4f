import { describe, expect, it } from 'vitest';
import { isOutage, outageLabel } from '../../lib/outage';

const withCode = (code: string) => Object.assign(new Error('x'), { code });

describe('outage detection', () => {
  it('recognises a database that is down or restarting', () => {
    expect(isOutage(withCode('ECONNREFUSED'))).toBe(true);
    expect(isOutage(withCode('CONNECTION_CLOSED'))).toBe(true);
    expect(isOutage(withCode('CONNECT_TIMEOUT'))).toBe(true);
    expect(isOutage(withCode('57P01'))).toBe(true); // terminating connection due to administrator command
    expect(isOutage(withCode('57P03'))).toBe(true); // the database system is starting up
    expect(isOutage(withCode('08006'))).toBe(true);
    // drizzle wraps the driver's error
    expect(isOutage(new Error('Failed query', { cause: withCode('ECONNRESET') }))).toBe(true);
    expect(isOutage(new AggregateError([withCode('ECONNREFUSED')]))).toBe(true);
  });

  it('recognises storage that refuses connections or answers 5xx, not its 4xx answers', () => {
    expect(isOutage(Object.assign(new Error('x'), { name: 'InternalError', $metadata: { httpStatusCode: 503 } }))).toBe(
      true,
    );
    expect(isOutage(Object.assign(new Error('x'), { name: 'TimeoutError' }))).toBe(true);
    expect(isOutage(new TypeError('fetch failed', { cause: withCode('ECONNREFUSED') }))).toBe(true);
    expect(isOutage(Object.assign(new Error('x'), { name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } }))).toBe(
      false,
    );
  });

  it('leaves bugs and refused data to the generic answer', () => {
    expect(isOutage(withCode('23505'))).toBe(false); // unique violation
    expect(isOutage(withCode('42P01'))).toBe(false); // undefined table: a bug, not an outage
    expect(isOutage(new TypeError('undefined is not a function'))).toBe(false);
    expect(isOutage(null)).toBe(false);
    expect(isOutage('ECONNREFUSED')).toBe(false);
  });

  it('labels the log line with a code, never the message', () => {
    expect(outageLabel(new Error('postgres://user:secret@db', { cause: withCode('ECONNREFUSED') }))).toBe(
      'ECONNREFUSED',
    );
    expect(outageLabel(Object.assign(new Error('x'), { name: 'TimeoutError' }))).toBe('TimeoutError');
  });
});
