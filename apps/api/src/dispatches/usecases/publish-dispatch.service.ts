import { Clock, invalid } from '@app/common';
import { DeliveryRepository, DeliveryWriter, DISPATCH_TRANSITIONS, DispatchAction, DispatchRepository } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { auditActor, AuditService } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/actor.js';
import { DispatchAccess } from '../../access/dispatch-access.service.js';
import { DISPATCH_PUBLISHED, type DeliveriesCreatedEvent } from '../events.js';
import { RecipientResolver } from '../recipients/recipient-resolver.js';
import type { PublishResultDto } from '../dto/dispatch-responses.dto.js';

/**
 * Publishing is one transaction: the dispatch becomes published, one delivery per recipient unit
 * and one outbox message per address are written. Nothing is sent from here: after the commit an
 * event hands the message ids to the queue, and the worker's relay catches anything left behind.
 */
@Injectable()
export class PublishDispatchService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: DispatchAccess,
    private readonly resolver: RecipientResolver,
    private readonly writer: DeliveryWriter,
    private readonly dispatches: DispatchRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly events: EventEmitter2,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async publish(actor: Actor, dispatchId: string): Promise<PublishResultDto> {
    const { issuer } = await this.access.requireManageable(actor, dispatchId);
    const result = await this.db.transaction(async (em) => {
      const locked = await this.dispatches.require(em, dispatchId, DispatchAction.Publish);
      const publishedAt = this.clock.now();
      // Deadlines given in working days become instants on the working-day calendar, counted from publication.
      const deadlines = await this.dispatches.fixDeadlines(em, dispatchId, publishedAt);
      const choices = await this.dispatches.recipientChoices(em, dispatchId);
      if (choices.length === 0)
        throw invalid('Chưa chọn nơi nhận: hãy thêm ít nhất một đơn vị hoặc nhóm đơn vị (Kính gửi / Nơi nhận) trước khi ban hành.');
      const recipients = await this.resolver.resolve(
        em,
        issuer,
        choices.map((c) => ({ ...c, group: c.groupKind })),
        locked.issuedDate,
      );
      if (recipients.length === 0) throw invalid('Các nhóm nơi nhận đã chọn không có đơn vị nào đang hoạt động.');
      const written = await this.writer.write(em, recipients, { dispatchId, ...deadlines });
      await this.dispatches.apply(em, dispatchId, DispatchAction.Publish, publishedAt);
      const unitsWithoutEmail = await this.deliveries.countWithoutMessages(em, dispatchId);
      const published = { dispatchId, deliveries: written.deliveryIds.length, messages: written.messages, unitsWithoutEmail };
      await this.audit.record(em, auditActor(actor), {
        action: DISPATCH_TRANSITIONS[DispatchAction.Publish].auditAction,
        entityType: 'dispatch',
        entityId: dispatchId,
        dispatchId,
        before: { status: locked.from },
        after: { status: DISPATCH_TRANSITIONS[DispatchAction.Publish].to, deliveries: published.deliveries, messages: published.messages },
      });
      return published;
    });
    this.events.emit(DISPATCH_PUBLISHED, { dispatchId } satisfies DeliveriesCreatedEvent);
    return result;
  }
}
