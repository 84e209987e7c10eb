import { AppConfig } from '@app/config';
import { newRequestId, runWithRequestId } from '@app/common';
import { MailOutbox } from '@app/queue';
import { MessageRepository } from '@app/rollout';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const BATCH = 1000;

/**
 * Hands the queue every outbox row still pending that nobody handed over recently: rows whose
 * api-side enqueue never happened (Redis down at publish, api crashed after the commit) or whose
 * job was lost with Redis. Deterministic job ids make a second hand-over of a queued row a no-op.
 *
 * One pass at a time: the next is scheduled when the previous ends. An add to an unreachable
 * Redis waits (ioredis queues commands until it reconnects), so each batch gets a time limit;
 * past it the pass ends, and no new pass starts until that add settles, so adds never pile up.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private pass?: Promise<void>;
  /** An add that outlived its time limit and still waits for the queue. */
  private stuckAdd?: Promise<void>;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: MailOutbox,
    private readonly config: AppConfig,
    private readonly messages: MessageRepository,
  ) {}

  private get interval(): number {
    return this.config.OUTBOX_RELAY_INTERVAL_MS;
  }

  /** Leave fresh rows to the api's own enqueue right after its commit. */
  private get graceMs(): number {
    return Math.min(5_000, 2 * this.interval);
  }

  private get addTimeoutMs(): number {
    return Math.min(10_000, Math.max(1_000, this.interval));
  }

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.pass;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      // Each pass gets an id of its own, carried into the jobs it queues.
      this.pass = runWithRequestId(`relay-${newRequestId()}`, () => this.runPass()).finally(() => {
        this.pass = undefined;
        this.schedule();
      });
    }, this.interval);
  }

  private async runPass(): Promise<void> {
    if (this.stuckAdd) return;
    try {
      const n = await this.relayOnce();
      if (n > 0) this.logger.log(`Re-queued ${n} pending e-mails`);
    } catch (e) {
      this.logger.warn(`Could not re-queue pending e-mails, next try in ${this.interval} ms: ${(e as Error).message}`);
    }
  }

  /** One pass over the pending rows, in keyset pages; returns how many were handed over. */
  async relayOnce(): Promise<number> {
    let after = { createdAt: '-infinity', id: '00000000-0000-0000-0000-000000000000' };
    let count = 0;
    while (!this.stopped) {
      const rows = await this.messages.pendingForRelay(this.db, this.graceMs, 2 * this.interval, after, BATCH);
      if (rows.length === 0) break;
      await this.enqueueWithin(rows.map((r) => r.id));
      count += rows.length;
      const last = rows[rows.length - 1];
      after = { createdAt: last.createdAt, id: last.id };
    }
    return count;
  }

  private async enqueueWithin(ids: string[]): Promise<void> {
    const add = this.outbox.enqueue(ids, this.config.mailRetry);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), this.addTimeoutMs)));
    try {
      if ((await Promise.race([add, timeout])) !== 'timeout') return;
    } finally {
      clearTimeout(timer);
    }
    this.stuckAdd = add
      .catch(() => undefined)
      .finally(() => {
        this.stuckAdd = undefined;
      });
    throw new Error(`the queue did not answer within ${this.addTimeoutMs} ms (Redis unreachable?)`);
  }
}
