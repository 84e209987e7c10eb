import { MetricsRegistry } from '@app/observability';
import { Injectable } from '@nestjs/common';
import type { Counter, Histogram } from 'prom-client';

/** What this worker process did, for Prometheus (sum over the worker replicas). */
@Injectable()
export class WorkerMetrics {
  readonly mailsSent: Counter;
  readonly mailsFailed: Counter;
  readonly mailsRetried: Counter;
  readonly exportDuration: Histogram<'format' | 'outcome'>;

  constructor(metrics: MetricsRegistry) {
    this.mailsSent = metrics.counter({ name: 'cvt_mail_sent_total', help: 'E-mails accepted by the SMTP server' });
    this.mailsFailed = metrics.counter({
      name: 'cvt_mail_failed_total',
      help: 'E-mails given up on (attempts used up or refused for good); the issuer sees them as failed',
    });
    this.mailsRetried = metrics.counter({
      name: 'cvt_mail_retried_total',
      help: 'E-mail attempts that failed and will be retried with backoff',
    });
    this.exportDuration = metrics.histogram({
      name: 'cvt_export_duration_seconds',
      help: 'Time to produce one report export file, by format and outcome (done, failed)',
      labelNames: ['format', 'outcome'],
      buckets: [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600],
    });
  }
}
