import { VN_TIME_ZONE } from '@app/common';
import { AppConfig } from '@app/config';
import { JobName, QueueName, SchedulerId } from '@app/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';

/** Every 10 minutes from the digest hour until midnight, Vietnam time. */
export const dailyDigestPattern = (hour: number) => `*/10 ${hour}-23 * * *`;

/**
 * Registers the daily digest as a BullMQ job scheduler (a cron pattern in Vietnam's time zone),
 * idempotent by scheduler id: every worker copy upserts the same one at boot, and a changed
 * DIGEST_HOUR_VN replaces the pattern. Runs after the first of the day find nothing left to write.
 */
@Injectable()
export class DailyDigestScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(DailyDigestScheduler.name);

  constructor(
    @InjectQueue(QueueName.FollowUp) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.DIGEST_ENABLED) {
      await this.queue.removeJobScheduler(SchedulerId.DailyDigest);
      return;
    }
    const hour = this.config.DIGEST_HOUR_VN;
    await this.queue.upsertJobScheduler(
      SchedulerId.DailyDigest,
      { pattern: dailyDigestPattern(hour), tz: VN_TIME_ZONE },
      { name: JobName.DailyDigest, data: {}, opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } },
    );
    this.logger.log(`Tin tổng hợp hằng ngày cho lãnh đạo: từ ${String(hour).padStart(2, '0')}:00 (giờ Việt Nam)`);
  }
}
