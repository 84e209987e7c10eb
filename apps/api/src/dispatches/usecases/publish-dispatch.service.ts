import { conflict, invalid } from '@app/common';
import { DispatchRecipient, DispatchStatus } from '@app/database';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor.js';
import { DeliveryWriter } from '../deliveries/delivery-writer.js';
import { DispatchAccess } from '../dispatch-access.service.js';
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
    private readonly events: EventEmitter2,
  ) {}

  async publish(actor: Actor, dispatchId: string): Promise<PublishResult> {
    const { issuer } = await this.access.requireManageable(actor, dispatchId);
    const result = await this.db.transaction(async (em) => {
      const [row] = await em.query(`SELECT status, ack_due_at, forward_due_at, report_due_at FROM dispatches WHERE id = $1 FOR UPDATE`, [
        dispatchId,
      ]);
      if (row.status !== DispatchStatus.Draft) throw conflict('Công văn này đã được ban hành rồi.');
      const choices = await em.find(DispatchRecipient, { where: { dispatchId } });
      if (choices.length === 0)
        throw invalid('Chưa chọn nơi nhận: hãy thêm ít nhất một đơn vị hoặc nhóm đơn vị (Kính gửi / Nơi nhận) trước khi ban hành.');
      const recipients = await this.resolver.resolve(
        em,
        issuer,
        choices.map((c) => ({ ...c, group: c.groupKind })),
      );
      if (recipients.length === 0) throw invalid('Các nhóm nơi nhận đã chọn không có đơn vị nào đang hoạt động.');
      const written = await this.writer.write(em, recipients, {
        dispatchId,
        ackDueAt: row.ack_due_at,
        forwardDueAt: row.forward_due_at,
        reportDueAt: row.report_due_at,
      });
      await em.query(`UPDATE dispatches SET status = 'published', published_at = now(), updated_at = now() WHERE id = $1`, [dispatchId]);
      const [{ n }] = await em.query(
        `SELECT count(*)::int AS n FROM deliveries d WHERE d.dispatch_id = $1 AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.delivery_id = d.id)`,
        [dispatchId],
      );
      return { dispatchId, deliveries: written.deliveryIds.length, messages: written.messages, unitsWithoutEmail: n as number };
    });
    this.events.emit(DISPATCH_PUBLISHED, { dispatchId } satisfies DeliveriesCreatedEvent);
    return result;
  }
}
