import { Clock } from '@app/common';
import { FollowUpSweeps } from '@app/follow-up';
import { Module } from '@nestjs/common';
import { FollowUpRun } from './follow-up-run.js';
import { FollowUpScheduler } from './follow-up-scheduler.js';
import { FollowUpProcessor } from './follow-up.processor.js';

/** Reminders and escalations: the scheduled sweep and its consumer. */
@Module({
  providers: [Clock, FollowUpSweeps, FollowUpRun, FollowUpProcessor, FollowUpScheduler],
  exports: [FollowUpRun],
})
export class FollowUpWorkerModule {}
