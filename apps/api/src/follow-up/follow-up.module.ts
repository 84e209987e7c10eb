import { Clock } from '@app/common';
import { RolloutModule } from '@app/rollout';
import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module.js';
import { DispatchesModule } from '../dispatches/dispatches.module.js';
import { FollowUpController } from './follow-up.controller.js';
import { NewVersionService } from './usecases/new-version.service.js';
import { RecallDispatchService } from './usecases/recall-dispatch.service.js';
import { ReminderRuleService } from './usecases/reminder-rule.service.js';
import { RemindersView } from './views/reminders-view.service.js';
import { VersionsView } from './views/versions-view.service.js';

/** Follow-up on a published dispatch: recall, new versions, reminders (plan, history, rule). "Nhắc" is the deliveries feature's. */
@Module({
  imports: [RolloutModule, DispatchesModule, DeliveriesModule],
  controllers: [FollowUpController],
  providers: [Clock, RecallDispatchService, NewVersionService, ReminderRuleService, RemindersView, VersionsView],
})
export class FollowUpModule {}
