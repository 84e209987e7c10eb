import { Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import {
  collectDefaultMetrics,
  Counter,
  type CounterConfiguration,
  Gauge,
  type GaugeConfiguration,
  Histogram,
  type HistogramConfiguration,
  Registry,
} from 'prom-client';

export type ServiceName = 'api' | 'worker' | 'cli';

/**
 * The Prometheus registry of one process (prom-client). Each application gets its own registry
 * instead of prom-client's global one, so two applications in one process (the e2e tests) never
 * collide on a metric name. Every series carries `service` (api or worker); Prometheus adds
 * `instance`, so replicas are told apart and summed with sum().
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  constructor(readonly service: ServiceName) {
    this.registry.setDefaultLabels({ service });
    // process_cpu_seconds_total, process_resident_memory_bytes, nodejs_eventloop_lag_seconds, nodejs_heap_*...
    collectDefaultMetrics({ register: this.registry });
  }

  counter<L extends string>(config: Omit<CounterConfiguration<L>, 'registers'>): Counter<L> {
    return new Counter({ ...config, registers: [this.registry] });
  }

  gauge<L extends string>(config: Omit<GaugeConfiguration<L>, 'registers'>): Gauge<L> {
    return new Gauge({ ...config, registers: [this.registry] });
  }

  histogram<L extends string>(config: Omit<HistogramConfiguration<L>, 'registers'>): Histogram<L> {
    return new Histogram({ ...config, registers: [this.registry] });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The exposition text; scrape-time collectors (queue depth, outbox backlog) run now. */
  text(): Promise<string> {
    return this.registry.metrics();
  }
}

/** Whether an Authorization header carries METRICS_TOKEN as a bearer token (compared in constant time). */
export function bearerMatches(header: string | string[] | undefined, token: string | undefined): boolean {
  if (!token || typeof header !== 'string') return false;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
