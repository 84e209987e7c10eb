import { JobName, QueueName } from '@app/queue';
import { Processor } from '@nestjs/bullmq';
import { JobProcessor } from '../jobs/job-processor.js';
import { DailyDigestRun } from './daily-digest-run.js';
import { FollowUpRun } from './follow-up-run.js';

/** One job at a time per worker: a sweep or a digest pass is one statement over everything, not one job per delivery or leader. */
@Processor(QueueName.FollowUp, { concurrency: 1, autorun: false })
export class FollowUpProcessor extends JobProcessor {
  protected readonly handlers = {
    [JobName.FollowUpSweep]: () => this.followUp.run(),
    [JobName.DailyDigest]: () => this.digest.run(),
  };

  constructor(
    private readonly followUp: FollowUpRun,
    private readonly digest: DailyDigestRun,
  ) {
    super();
  }
}
