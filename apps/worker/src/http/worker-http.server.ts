import { AppConfig } from '@app/config';
import { bearerMatches, MetricsRegistry, Readiness } from '@app/observability';
import { BeforeApplicationShutdown, HttpException, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The worker has no Nest HTTP application; this small node:http server on WORKER_HTTP_PORT gives
 * Prometheus and the orchestrator what the api gives them: GET /metrics (the worker's own
 * counters: mails sent, failed, retried; export durations; process metrics), /health/live and
 * /health/ready. Scraping each worker is the Prometheus way (no push gateway, no shared state in
 * Redis or PostgreSQL to keep right); Prometheus sums the replicas.
 */
@Injectable()
export class WorkerHttpServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerHttpServer.name);
  private server?: Server;

  constructor(
    private readonly config: AppConfig,
    private readonly metrics: MetricsRegistry,
    private readonly probes: Readiness,
  ) {}

  /** The bound port (WORKER_HTTP_PORT, or the one picked when it is 0). */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onApplicationBootstrap(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(this.config.WORKER_HTTP_PORT, () => resolve());
      });
      this.server = server;
      this.logger.log(`Worker metrics and health on port ${this.port}`);
    } catch (e) {
      // A taken port must not stop the mail from going out; the orchestrator's probe will notice.
      this.logger.error(`Worker HTTP server not started on port ${this.config.WORKER_HTTP_PORT}: ${(e as Error).message}`);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    try {
      if (req.method !== 'GET') return send(res, 405, { message: 'GET only' });
      if (path === '/metrics') {
        if (this.config.METRICS_TOKEN && !bearerMatches(req.headers.authorization, this.config.METRICS_TOKEN)) {
          return send(res, 401, { message: 'Bearer METRICS_TOKEN required' });
        }
        res.writeHead(200, { 'Content-Type': this.metrics.contentType, 'Cache-Control': 'no-store' });
        return void res.end(await this.metrics.text());
      }
      if (path === '/health/live') return send(res, 200, await this.probes.live());
      if (path === '/health/ready') return send(res, 200, await this.probes.ready());
      return send(res, 404, { message: 'Not found: /metrics, /health/live, /health/ready' });
    } catch (e) {
      // terminus answers "not ready" with a 503 exception carrying the report.
      if (e instanceof HttpException) return send(res, e.getStatus(), e.getResponse());
      this.logger.error(`Worker HTTP ${path}: ${(e as Error).message}`);
      return send(res, 500, { message: 'internal error' });
    }
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}
