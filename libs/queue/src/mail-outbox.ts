import { currentRequestId } from '@app/common';
import { InjectQueue } from '@nestjs/bullmq';
import { MessageRepository } from '@app/rollout';
import type { MessageKind } from '@app/vocabulary';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobName, QueueName, SendMessagePayload, sendMessageJobId } from './queue-names.js';

const BATCH = 1000;

/** Retries of one e-mail: exponential backoff from MAIL_RETRY_BASE_MS, MAIL_MAX_ATTEMPTS tries. */
export interface MailRetryPolicy {
  attempts: number;
  backoffMs: number;
}

/**
 * Hands outbox rows (messages) to the mail queue, by id, with a deterministic job id so that
 * handing the same row over twice is harmless. Used by the api right after a publish commits and
 * by the worker's relay for rows left pending (after a crash or a Redis outage).
 */
@Injectable()
export class MailOutbox {
  private readonly logger = new Logger(MailOutbox.name);
  private lastErrorLogAt = 0;

  constructor(
    @InjectQueue(QueueName.Mail) private readonly queue: Queue<SendMessagePayload>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly messages: MessageRepository,
  ) {
    // While Redis is away BullMQ reports every reconnect attempt, and prints each one when nobody
    // listens: say it once in a while instead. The rows wait in PostgreSQL meanwhile.
    queue.on('error', (e: Error) => {
      if (Date.now() - this.lastErrorLogAt < 30_000) return;
      this.lastErrorLogAt = Date.now();
      this.logger.warn(`Mail queue unreachable (the e-mails wait in PostgreSQL): ${e.message}`);
    });
  }

  async enqueue(messageIds: string[], retry: MailRetryPolicy): Promise<void> {
    const requestId = currentRequestId();
    for (let i = 0; i < messageIds.length; i += BATCH) {
      const ids = messageIds.slice(i, i + BATCH);
      await this.queue.addBulk(
        ids.map((messageId) => ({
          name: JobName.SendMessage,
          data: requestId ? { messageId, requestId } : { messageId },
          opts: {
            jobId: sendMessageJobId(messageId),
            attempts: retry.attempts,
            backoff: { type: 'exponential', delay: retry.backoffMs },
            removeOnComplete: { age: 24 * 3600, count: 10_000 },
            removeOnFail: { age: 7 * 24 * 3600 },
          },
        })),
      );
      await this.messages.markEnqueued(this.db, ids);
    }
  }

  /** Every pending message of these deliveries, in id batches (never all rows in memory at once). */
  async enqueueForDeliveries(deliveryIds: string[], retry: MailRetryPolicy): Promise<number> {
    let count = 0;
    for (let i = 0; i < deliveryIds.length; i += BATCH) {
      const ids = await this.messages.pendingOfDeliveries(this.db, deliveryIds.slice(i, i + BATCH));
      await this.enqueue(ids, retry);
      count += ids.length;
    }
    return count;
  }

  /**
   * Every pending message of these kinds never handed to the queue yet (follow-up sweeps write
   * them set-based), by keyset pages: memory stays bounded however many a sweep wrote.
   */
  async enqueuePending(kinds: MessageKind[], retry: MailRetryPolicy): Promise<number> {
    let after = { createdAt: '-infinity', id: '00000000-0000-0000-0000-000000000000' };
    let count = 0;
    for (;;) {
      const rows = await this.messages.pendingNeverEnqueued(this.db, kinds, after, BATCH);
      if (rows.length === 0) break;
      await this.enqueue(
        rows.map((r) => r.id),
        retry,
      );
      count += rows.length;
      after = rows[rows.length - 1];
    }
    return count;
  }

  /** Every pending message of a dispatch, streamed by keyset pages. */
  async enqueueForDispatch(dispatchId: string, retry: MailRetryPolicy): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let count = 0;
    for (;;) {
      const ids = await this.messages.pendingOfDispatch(this.db, dispatchId, after, BATCH);
      if (ids.length === 0) break;
      await this.enqueue(ids, retry);
      count += ids.length;
      after = ids[ids.length - 1];
    }
    this.logger.log(`Queued ${count} e-mails of dispatch ${dispatchId}`);
    return count;
  }
}
