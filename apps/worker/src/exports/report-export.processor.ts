import { type ExportReportPayload, JobName, QueueName } from '@app/queue';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobProcessor } from '../jobs/job-processor.js';
import { ExportRunner } from './export-runner.js';

/** Exports per worker process: each one compresses (XLSX) or lays out pages, so a few keep the CPU busy. */
export const EXPORT_CONCURRENCY = 2;

@Processor(QueueName.Reports, { concurrency: EXPORT_CONCURRENCY, autorun: false })
export class ReportExportProcessor extends JobProcessor {
  private readonly logger = new Logger(ReportExportProcessor.name);

  protected readonly handlers = {
    [JobName.ExportReport]: (job: Job<ExportReportPayload>) => this.export(job),
  };

  constructor(private readonly runner: ExportRunner) {
    super();
  }

  private export(job: Job<ExportReportPayload>) {
    // attemptsMade counts the failed runs before this one.
    const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return this.runner.run(job.data.exportId, lastTry);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<ExportReportPayload> | undefined, error: Error): void {
    if (job) this.logger.warn(`Report export ${job.data.exportId}: attempt ${job.attemptsMade} failed: ${error.message}`);
  }
}
