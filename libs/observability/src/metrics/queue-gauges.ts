import type { Queue } from 'bullmq';
import type { MetricsRegistry } from './metrics.registry.js';

const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed'] as const;

/**
 * Queue depth per queue and state, and the age of the oldest waiting job, read from the queue
 * backend (Redis or PostgreSQL) when Prometheus scrapes. The figures are the cluster's, not this
 * process's: every api replica reports the same, so dashboards take max() over instances.
 */
export function registerQueueGauges(metrics: MetricsRegistry, queues: Queue[]): void {
  metrics.gauge({
    name: 'cvt_queue_jobs',
    help: 'Jobs in each queue by state (waiting, active, delayed, prioritized, failed, completed)',
    labelNames: ['queue', 'state'],
    async collect() {
      this.reset();
      await Promise.all(
        queues.map(async (queue) => {
          const counts = await queue.getJobCounts(...STATES);
          for (const state of STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
        }),
      );
    },
  });
  metrics.gauge({
    name: 'cvt_queue_oldest_waiting_age_seconds',
    help: 'Age of the oldest job waiting to be picked up, per queue (0 when none waits)',
    labelNames: ['queue'],
    async collect() {
      await Promise.all(
        queues.map(async (queue) => {
          const [oldest] = await queue.getJobs(['waiting'], 0, 0, true);
          this.set({ queue: queue.name }, oldest ? Math.max(0, (Date.now() - oldest.timestamp) / 1000) : 0);
        }),
      );
    },
  });
}
