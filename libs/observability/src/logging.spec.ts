import { loadConfig } from '@app/config';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { loggablePath, pinoOptions } from './logging.js';
import { acceptableRequestId, runWithRequestId } from '@app/common';

function capture(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const logger = pino(pinoOptions(loadConfig({ LOG_LEVEL: level }), 'api'), stream);
  return { logger, lines };
}

describe('structured logs', () => {
  it('writes one JSON object per line with level, time, service and message', () => {
    const { logger, lines } = capture();
    logger.info('started');
    expect(lines[0]).toMatchObject({ level: 'info', service: 'api', message: 'started' });
    expect(new Date(lines[0].time as string).toISOString()).toBe(lines[0].time);
  });

  it('names the request (or job) it runs for, without anyone passing the id', () => {
    const { logger, lines } = capture();
    runWithRequestId('req-12345678', () => logger.info('inside'));
    logger.info('outside');
    expect(lines[0].requestId).toBe('req-12345678');
    expect(lines[1]).not.toHaveProperty('requestId');
  });

  it('redacts passwords, tokens, e-mail addresses and authorization headers', () => {
    const { logger, lines } = capture();
    logger.info(
      { email: 'a@b.vn', user: { email: 'c@d.vn', password: 'secret-pass' }, req: { headers: { authorization: 'Bearer x' } } },
      'x',
    );
    const text = JSON.stringify(lines[0]);
    expect(text).not.toMatch(/a@b\.vn|c@d\.vn|secret-pass|Bearer x/);
    expect(lines[0].email).toBe('[redacted]');
  });

  it('honours LOG_LEVEL', () => {
    const { logger, lines } = capture('warn');
    logger.info('quiet');
    logger.warn('loud');
    expect(lines.map((l) => l.message)).toEqual(['loud']);
  });

  it('logs paths without query strings or acknowledgement-link tokens', () => {
    expect(loggablePath('/api/v1/units?q=nguyen%20van%20a&email=x@y.vn')).toBe('/api/v1/units');
    expect(loggablePath('/api/v1/ack-links/eyJhbGciOi.sig/acknowledge')).toBe('/api/v1/ack-links/:token/acknowledge');
  });

  it('keeps a caller-supplied request id only if it looks like one', () => {
    expect(acceptableRequestId('3f1c2a9e-0b7d-4c1e-9a51-2f9b8c7d6e5f')).toBe('3f1c2a9e-0b7d-4c1e-9a51-2f9b8c7d6e5f');
    expect(acceptableRequestId('x\n{"level":"fatal"}')).toBeUndefined();
    expect(acceptableRequestId('a'.repeat(101))).toBeUndefined();
    expect(acceptableRequestId(undefined)).toBeUndefined();
  });
});
