import { Clock } from '@app/common';
import { FollowUpSweeps, LeaderDigests } from '@app/follow-up';
import { Module } from '@nestjs/common';
import { DailyDigestRun } from './daily-digest-run.js';
import { DailyDigestScheduler } from './daily-digest-scheduler.js';
import { FollowUpRun } from './follow-up-run.js';
import { FollowUpScheduler } from './follow-up-scheduler.js';
import { FollowUpProcessor } from './follow-up.processor.js';

/** Reminders, escalations and the leaders' daily digest: the scheduled jobs and their consumer. */
@Module({
  providers: [
    Clock,
    FollowUpSweeps,
    FollowUpRun,
    LeaderDigests,
    DailyDigestRun,
    FollowUpProcessor,
    FollowUpScheduler,
    DailyDigestScheduler,
  ],
  exports: [FollowUpRun, DailyDigestRun],
})
export class FollowUpWorkerModule {}
