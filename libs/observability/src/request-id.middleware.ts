import { Injectable, NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { acceptableRequestId, newRequestId, runWithRequestId } from '@app/common';

export const REQUEST_ID_HEADER = 'x-request-id';

type WithId = IncomingMessage & { id?: unknown };

/**
 * The id of this request: the caller's X-Request-Id when it looks like one (a proxy or another
 * service started the trace), else a new UUID. Stored on req.id, which pino-http also uses, so
 * the access log line and every other line of the request carry the same id.
 */
export function requestIdOf(req: WithId): string {
  if (typeof req.id === 'string') return req.id;
  const id = acceptableRequestId(req.headers[REQUEST_ID_HEADER]) ?? newRequestId();
  req.id = id;
  return id;
}

/**
 * Runs the rest of the request inside its request context, and answers with X-Request-Id so a
 * user can quote it. A Nest middleware, so it runs after the body parsers (whose stream callbacks
 * would otherwise lose the async context) and before guards, handlers and the error filter.
 */
@Injectable()
export class RequestIdMiddleware implements NestMiddleware {
  use(req: WithId, res: ServerResponse, next: () => void): void {
    const id = requestIdOf(req);
    res.setHeader('X-Request-Id', id);
    runWithRequestId(id, next);
  }
}
