import { Clock } from '@app/common';
import { AppConfig } from '@app/config';
import { MessageKind } from '@app/database';
import { FollowUpSweeps } from '@app/follow-up';
import { MailOutbox } from '@app/queue';
import { Injectable, Logger } from '@nestjs/common';

export interface FollowUpRunResult {
  reminders: number;
  escalations: number;
  messages: number;
}

/**
 * One follow-up pass at the Clock's "now": the reminder sweep, the escalation sweep, then every
 * message they wrote handed to the mail queue. Idempotent end to end: the sweeps write nothing for
 * a slot already written, and the mail jobs have deterministic ids.
 */
@Injectable()
export class FollowUpRun {
  private readonly logger = new Logger(FollowUpRun.name);

  constructor(
    private readonly sweeps: FollowUpSweeps,
    private readonly outbox: MailOutbox,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async run(): Promise<FollowUpRunResult> {
    const now = this.clock.now();
    const reminded = await this.sweeps.remind(now);
    const escalated = await this.sweeps.escalate(now);
    await this.outbox.enqueuePending([MessageKind.Reminder, MessageKind.Escalation], this.config.mailRetry);
    if (reminded.reminders + escalated.escalations > 0) {
      this.logger.log(
        `Đã nhắc ${reminded.reminders} lượt, đôn đốc ${escalated.escalations} lượt (${reminded.messages + escalated.messages} e-mail)`,
      );
    }
    return { reminders: reminded.reminders, escalations: escalated.escalations, messages: reminded.messages + escalated.messages };
  }
}
