import { AppConfig } from '@app/config';
import { JobName, QueueName, SchedulerId } from '@app/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';

/**
 * Registers the follow-up sweep as a BullMQ job scheduler. upsertJobScheduler is idempotent by
 * scheduler id: every worker copy calls it at boot and there is still one schedule, which produces
 * one job per interval for all the workers together.
 */
@Injectable()
export class FollowUpScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(FollowUpScheduler.name);

  constructor(
    @InjectQueue(QueueName.FollowUp) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const every = this.config.FOLLOW_UP_SWEEP_INTERVAL_MS;
    if (every === 0) {
      await this.queue.removeJobScheduler(SchedulerId.FollowUpSweep);
      return;
    }
    await this.queue.upsertJobScheduler(
      SchedulerId.FollowUpSweep,
      { every },
      { name: JobName.FollowUpSweep, data: {}, opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } },
    );
    this.logger.log(`Nhắc việc, đôn đốc: quét mỗi ${Math.round(every / 1000)} giây`);
  }
}
