import { JobName, QueueName } from '@app/queue';
import { Processor } from '@nestjs/bullmq';
import { JobProcessor } from '../jobs/job-processor.js';
import { FollowUpRun } from './follow-up-run.js';

/** One sweep at a time per worker: a sweep is one statement over every dispatch, not one job per delivery. */
@Processor(QueueName.FollowUp, { concurrency: 1, autorun: false })
export class FollowUpProcessor extends JobProcessor {
  protected readonly handlers = {
    [JobName.FollowUpSweep]: () => this.followUp.run(),
  };

  constructor(private readonly followUp: FollowUpRun) {
    super();
  }
}
