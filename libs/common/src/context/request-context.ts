import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What every log line and audit row of one request (or one job) can say about where it came from. */
export interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/**
 * The request id of the HTTP request or queue job this code runs for, or undefined outside one.
 * Read by the logger (every line), the audit writer (every row) and the queue producers (job data),
 * so no caller passes it by hand.
 */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}

/** A client's X-Request-Id is kept only if it looks like an id (no log injection, bounded length). */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{8,100}$/;

export function acceptableRequestId(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && ACCEPTABLE_ID.test(v) ? v : undefined;
}

export const newRequestId = (): string => randomUUID();
