import { Clock, vnCalendarDate, vnParts } from '@app/common';
import { AppConfig } from '@app/config';
import { MessageKind } from '@app/database';
import { type DigestDay, LeaderDigests, type DigestWriteResult } from '@app/follow-up';
import { MailOutbox } from '@app/queue';
import { Injectable, Logger } from '@nestjs/common';

/**
 * One daily-digest pass at the Clock's "now". Before DIGEST_HOUR_VN (Vietnam time) it does nothing;
 * from that hour on it writes today's digest of every leader who has none yet (one statement, at
 * most one per leader and day whatever runs it, how often or how many times), then hands the
 * messages to the mail queue. The scheduler runs it every 10 minutes from the hour until midnight,
 * so a worker that was down at the hour still sends the day's digests when it comes back.
 */
@Injectable()
export class DailyDigestRun {
  private readonly logger = new Logger(DailyDigestRun.name);

  constructor(
    private readonly digests: LeaderDigests,
    private readonly outbox: MailOutbox,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async run(): Promise<DigestWriteResult> {
    const now = this.clock.now();
    const hour = this.config.DIGEST_HOUR_VN;
    if (vnHour(now) < hour) return { digests: 0, messages: 0 };
    const written = await this.digests.write(now, digestDay(vnCalendarDate(now), hour));
    await this.outbox.enqueuePending([MessageKind.Digest], this.config.mailRetry);
    if (written.digests > 0) this.logger.log(`Tin tổng hợp ngày ${vnParts(now).date}: ${written.digests} lãnh đạo`);
    return written;
  }
}

/** Today's digest counts what changed from the digest hour yesterday to the digest hour today, Vietnam time. */
export function digestDay(day: string, hour: number): DigestDay {
  const until = new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+07:00`);
  return { day, since: new Date(until.getTime() - 24 * 3_600_000), until };
}

/** The hour (0-23) of the Vietnamese day at this instant. */
export function vnHour(at: Date): number {
  return Number(vnParts(at).time.slice(0, 2));
}
