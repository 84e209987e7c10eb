import type { AppConfig } from '@app/config';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { LevelWithSilent } from 'pino';
import { currentRequestId } from '@app/common';
import { requestIdOf } from './request-id.middleware.js';

/**
 * Fields that may carry secrets or personal data if some code ever logs a request, a body or a
 * user object: replaced by "[redacted]". Request bodies and headers are never logged by default
 * (see the serializers); this is the second fence.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'password',
  'passwordHash',
  'token',
  'accessToken',
  'email',
  'toAddress',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.accessToken',
  '*.email',
  '*.toAddress',
  '*.authorization',
];

/**
 * The path of a request as logged: no query string (searches hold names and e-mail addresses) and
 * no acknowledgement-link token (it is a bearer credential for one delivery).
 */
export function loggablePath(url: string | undefined): string {
  const path = (url ?? '').split('?')[0];
  return path.replace(/\/ack-links\/[^/]+/, '/ack-links/:token');
}

/** Probes and scrapes every few seconds: not worth an access-log line each. */
const QUIET_PATHS = /^\/(api\/health|api\/metrics|health|metrics)(\/|$)/;

/** Base pino options shared by the api (through pino-http) and the worker. */
export function pinoOptions(config: AppConfig, service: 'api' | 'worker') {
  return {
    level: config.LOG_LEVEL as LevelWithSilent,
    base: { service, pid: process.pid },
    messageKey: 'message',
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    formatters: { level: (label: string) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Every line written while serving a request or running a job names it.
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  };
}

/** nestjs-pino settings: JSON lines on stdout, one access-log line per request (not probes). */
export function loggerParams(config: AppConfig, service: 'api' | 'worker'): Params {
  return {
    pinoHttp: {
      ...pinoOptions(config, service),
      genReqId: (req: IncomingMessage) => requestIdOf(req),
      autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.test(req.url ?? '') },
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) => (err || res.statusCode >= 500 ? 'error' : 'info'),
      // Only what an operator needs; no headers, no address, no user agent, no body.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: loggablePath(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      quietReqLogger: true,
      // The serializers above read the raw request and response (pino-http sets req.id): no
      // pino-std-serializers copy of every request's headers first, only to be thrown away.
      wrapSerializers: false,
    },
  };
}
