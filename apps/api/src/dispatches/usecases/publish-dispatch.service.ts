import { Clock, invalid } from '@app/common';
import { DispatchRecipient } from '@app/database';
import { DeliveryWriter, DISPATCH_TRANSITIONS, DispatchAction, DispatchRepository } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { auditActor, AuditService } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/actor.js';
import { DispatchAccess } from '../../access/dispatch-access.service.js';
import { DISPATCH_PUBLISHED, type DeliveriesCreatedEvent } from '../events.js';
import { RecipientResolver } from '../recipients/recipient-resolver.js';

export interface PublishResult {
  dispatchId: string;
  deliveries: number;
  messages: number;
  unitsWithoutEmail: number;
}

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
    private readonly events: EventEmitter2,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async publish(actor: Actor, dispatchId: string): Promise<PublishResult> {
    const { issuer } = await this.access.requireManageable(actor, dispatchId);
    const result = await this.db.transaction(async (em) => {
      const locked = await this.dispatches.require(em, dispatchId, DispatchAction.Publish);
      const publishedAt = this.clock.now();
      // Deadlines given in working days become instants on the working-day calendar, counted from publication.
      const [[row]] = await em.query(
        `UPDATE dispatches
            SET ack_due_at = COALESCE(working_deadline($2, ack_due_working_days), ack_due_at),
                forward_due_at = COALESCE(working_deadline($2, forward_due_working_days), forward_due_at),
                report_due_at = COALESCE(working_deadline($2, report_due_working_days), report_due_at)
          WHERE id = $1
          RETURNING ack_due_at, forward_due_at, report_due_at`,
        [dispatchId, publishedAt],
      );
      const choices = await em.find(DispatchRecipient, { where: { dispatchId } });
      if (choices.length === 0)
        throw invalid('Chưa chọn nơi nhận: hãy thêm ít nhất một đơn vị hoặc nhóm đơn vị (Kính gửi / Nơi nhận) trước khi ban hành.');
      const recipients = await this.resolver.resolve(
        em,
        issuer,
        choices.map((c) => ({ ...c, group: c.groupKind })),
        locked.issuedDate,
      );
      if (recipients.length === 0) throw invalid('Các nhóm nơi nhận đã chọn không có đơn vị nào đang hoạt động.');
      const written = await this.writer.write(em, recipients, {
        dispatchId,
        ackDueAt: row.ack_due_at,
        forwardDueAt: row.forward_due_at,
        reportDueAt: row.report_due_at,
      });
      await this.dispatches.apply(em, dispatchId, DispatchAction.Publish, publishedAt);
      const [{ n }] = await em.query(
        `SELECT count(*)::int AS n FROM deliveries d WHERE d.dispatch_id = $1 AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.delivery_id = d.id)`,
        [dispatchId],
      );
      const published = { dispatchId, deliveries: written.deliveryIds.length, messages: written.messages, unitsWithoutEmail: n as number };
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
