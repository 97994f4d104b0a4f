import 'server-only';
import { unexpected } from '../actions/result';
import type { Ctx } from '../ctx';
import { DomainError, type ErrorCode } from '../errors';
import { defaultLocale, translate } from '../i18n';
import { requestId, sessionCtx } from '../request/ctx';

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } });

const statusOf: Partial<Record<ErrorCode, number>> = {
  forbidden: 403,
  not_found: 404,
  unauthenticated: 401,
  rate_limited: 429,
  unavailable: 503,
};

/**
 * JSON route handlers of the upload flow (the HTTP face of the same verbs the client components call as
 * server actions): a live session of this host's tenant, messages in the reader's language, no internals.
 */
export async function uploadRoute(name: string, handler: (ctx: Ctx) => Promise<unknown>): Promise<Response> {
  let ctx: Ctx | null;
  try {
    ctx = await sessionCtx();
  } catch (error) {
    // The session lives in PostgreSQL: while it is down, say so instead of failing.
    const result = unexpected(error, name, await requestId());
    return json(result, result.ok === false && result.code === 'unavailable' ? 503 : 500);
  }
  if (!ctx)
    return json(
      { ok: false, code: 'unauthenticated', message: translate(defaultLocale, 'errors.unauthenticated') },
      401,
    );
  try {
    return json(await handler(ctx));
  } catch (error) {
    if (error instanceof DomainError)
      return json(
        { ok: false, code: error.code, message: error.text(ctx.locale), detail: error.detail },
        statusOf[error.code] ?? 400,
      );
    const result = unexpected(error, name, await requestId(), ctx.locale);
    return json(result, result.ok === false && result.code === 'unavailable' ? 503 : 500);
  }
}

export function badRequest(): Response {
  return json({ ok: false, code: 'invalid', message: translate(defaultLocale, 'uploads.errors.badRequest') }, 400);
}
