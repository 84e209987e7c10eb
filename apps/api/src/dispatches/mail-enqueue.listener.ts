import { AppConfig } from '@app/config';
import { MailOutbox } from '@app/queue';
import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { DELIVERIES_CREATED, DISPATCH_MAILS_WRITTEN, DISPATCH_PUBLISHED, type DeliveriesCreatedEvent } from './events.js';

/**
 * Hands freshly committed outbox rows to the mail queue. Runs after the HTTP answer is decided:
 * if the queue is unreachable the rows stay pending and the worker's relay enqueues them later.
 */
@Injectable()
export class MailEnqueueListener {
  private readonly logger = new Logger(MailEnqueueListener.name);

  constructor(
    private readonly outbox: MailOutbox,
    private readonly config: AppConfig,
  ) {}

  @OnEvent(DISPATCH_PUBLISHED, { async: true, promisify: true, suppressErrors: true })
  async onPublished(event: DeliveriesCreatedEvent): Promise<void> {
    await this.safely(() => this.outbox.enqueueForDispatch(event.dispatchId, this.config.mailRetry));
  }

  @OnEvent(DISPATCH_MAILS_WRITTEN, { async: true, promisify: true, suppressErrors: true })
  async onDispatchMails(event: DeliveriesCreatedEvent): Promise<void> {
    await this.safely(() => this.outbox.enqueueForDispatch(event.dispatchId, this.config.mailRetry));
  }

  @OnEvent(DELIVERIES_CREATED, { async: true, promisify: true, suppressErrors: true })
  async onDeliveries(event: DeliveriesCreatedEvent): Promise<void> {
    await this.safely(() => this.outbox.enqueueForDeliveries(event.deliveryIds ?? [], this.config.mailRetry));
  }

  private async safely(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (e) {
      this.logger.warn(`Could not queue the e-mails (the outbox relay will retry): ${(e as Error).message}`);
    }
  }
}
