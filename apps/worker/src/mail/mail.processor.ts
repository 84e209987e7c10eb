import { JobName, QueueName, type SendMessagePayload } from '@app/queue';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { type Job, UnrecoverableError } from 'bullmq';
import { JobProcessor } from '../jobs/job-processor.js';
import { WorkerMetrics } from '../worker-metrics.js';
import { MessageSender, type SendOutcome } from './message-sender.js';

/** Mails in flight per worker process: MAIL_CONCURRENCY, set by JobWorkers before the worker starts. */
@Processor(QueueName.Mail, { autorun: false })
export class MailProcessor extends JobProcessor {
  private readonly logger = new Logger(MailProcessor.name);
  private lastErrorLogAt = 0;

  protected readonly handlers = {
    [JobName.SendMessage]: (job: Job<SendMessagePayload>) => this.sendMessage(job),
  };

  constructor(
    private readonly sender: MessageSender,
    private readonly metrics: WorkerMetrics,
    private readonly config: AppConfig,
  ) {
    super();
  }

  override concurrency(): number {
    return this.config.MAIL_CONCURRENCY;
  }

  private async sendMessage(job: Job<SendMessagePayload>) {
    // attemptsMade counts the failed runs before this one.
    const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return this.sender.send(job.data.messageId, lastTry);
  }

  @OnWorkerEvent('completed')
  onCompleted(_job: Job<SendMessagePayload>, outcome: SendOutcome): void {
    if (outcome === 'sent') this.metrics.mailsSent.inc();
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<SendMessagePayload> | undefined, error: Error): void {
    if (!job) return;
    if (error instanceof UnrecoverableError || error.name === 'UnrecoverableError') {
      this.metrics.mailsFailed.inc();
      this.logger.warn(`Message ${job.data.messageId} failed for good, no more retries: ${error.message}`);
    } else {
      this.metrics.mailsRetried.inc();
      this.logger.debug(`Message ${job.data.messageId}: attempt ${job.attemptsMade} failed, will retry: ${error.message}`);
    }
  }

  /** Connection errors repeat many times a second while Redis is away: say it once in a while. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLogAt < 30_000) return;
    this.lastErrorLogAt = now;
    this.logger.warn(`Mail queue error (reconnecting by itself): ${error.message}`);
  }
}
