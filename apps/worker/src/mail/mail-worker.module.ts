import { FollowUpMailReader } from '@app/follow-up';
import { MailModule } from '@app/mail';
import { RolloutModule } from '@app/rollout';
import { Module } from '@nestjs/common';
import { MailProcessor } from './mail.processor.js';
import { MessageSender } from './message-sender.js';
import { OutboxRelay } from './outbox-relay.js';

/** Sends the outbox: the mail queue's consumer and the relay that re-enqueues rows left pending. */
@Module({
  imports: [MailModule, RolloutModule],
  providers: [FollowUpMailReader, MessageSender, MailProcessor, OutboxRelay],
})
export class MailWorkerModule {}
