import { MetricsRegistry } from '@app/observability';
import { Injectable, NestMiddleware } from '@nestjs/common';
import type { Histogram } from 'prom-client';
import type { Request, Response } from 'express';

/**
 * Request latency per route: the route pattern (`/api/v1/deliveries/:id/acknowledge`), never the
 * raw path, so ids do not explode the label set. Requests that match no route count as "unmatched".
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  private readonly duration: Histogram<'method' | 'route' | 'status_code'>;

  constructor(metrics: MetricsRegistry) {
    this.duration = metrics.histogram({
      name: 'cvt_http_request_duration_seconds',
      help: 'HTTP request latency of the api, per method, route pattern and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    });
  }

  use(req: Request, res: Response, next: () => void): void {
    const stop = this.duration.startTimer();
    res.once('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path;
      stop({ method: req.method, route: typeof route === 'string' ? route : 'unmatched', status_code: String(res.statusCode) });
    });
    next();
  }
}
