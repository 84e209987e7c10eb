import { loadConfig } from '@app/config';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { once } from 'node:events';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pinoHttp } from 'pino-http';
import { loggablePath, loggerParams, pinoOptions } from './logging.js';
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

  it('writes one access-log line per request: its id, method, path and status, no headers, no query string', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const params = loggerParams(loadConfig({ LOG_LEVEL: 'info' }), 'api').pinoHttp as Parameters<typeof pinoHttp>[0] & object;
    const log = pinoHttp({ ...params, stream } as Parameters<typeof pinoHttp>[0]);
    const server = createServer((req, res) => {
      log(req, res);
      res.statusCode = 201;
      res.end('ok');
    }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve, reject) => {
      request(
        {
          port,
          host: '127.0.0.1',
          method: 'POST',
          path: '/api/v1/units?q=nguyen-van-a',
          agent: false,
          headers: { authorization: 'Bearer secret-token' },
        },
        (res) => {
          res.resume();
          res.on('end', resolve);
        },
      )
        .on('error', reject)
        .end();
    });
    server.closeAllConnections();
    server.close();
    const line = lines.find((l) => l.message === 'request completed');
    expect(line).toMatchObject({ req: { method: 'POST', path: '/api/v1/units' }, res: { statusCode: 201 } });
    expect(typeof (line?.req as { id?: unknown }).id).toBe('string');
    expect(JSON.stringify(line)).not.toMatch(/secret-token|authorization|headers|nguyen/);
  });
});
