import { Clock, conflict, invalid } from '@app/common';
import { DeliveryWriter } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, auditActor } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/actor.js';
import { DELIVERIES_CREATED, type DeliveriesCreatedEvent } from '../../dispatches/events.js';
import { DeliveryAccess } from '../../access/delivery-access.service.js';

/**
 * "Nhắc": a unit above a recipient (or the issuing branch) sends it a reminder e-mail now, through the same
 * outbox and queue as every message. Only while the recipient has not confirmed receipt.
 */
@Injectable()
export class RemindDeliveryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly deliveries: DeliveryAccess,
    private readonly writer: DeliveryWriter,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
    private readonly clock: Clock,
  ) {}

  async remind(actor: Actor, deliveryId: string, ip: string | null): Promise<{ messages: number }> {
    const ctx = await this.db.transaction(async (em) => {
      const found = await this.deliveries.requireProxy(actor, deliveryId, em, true);
      if (found.dispatchStatus !== 'published') throw conflict('Chỉ nhắc với công văn đang ban hành.');
      if (found.acknowledgedAt || found.status === 'refused') throw conflict(`${found.unitName} đã xử lý công văn này: không cần nhắc.`);
      // The reminder is a row of the same table as the scheduled ones, so the history ("đã nhắc 2 lần,
      // lần cuối …") counts both; slot 'manual-<ms>' keeps it apart from the sweep's per-slot key.
      const now = this.clock.now();
      const reminderId = await this.writer.writeManualReminder(em, found.id, `manual-${now.getTime()}`, now, actor.userId);
      const n = await this.writer.writeMessages(em, [found.id], 'reminder', reminderId);
      if (n === 0) throw invalid(`${found.unitName} chưa có địa chỉ e-mail: hãy gọi điện hoặc cập nhật e-mail của đơn vị.`);
      await this.audit.record(em, auditActor(actor, ip), {
        action: 'delivery.reminded',
        entityType: 'delivery',
        entityId: found.id,
        dispatchId: found.dispatchId,
        after: { messages: n },
      });
      return { ...found, messages: n };
    });
    this.events.emit(DELIVERIES_CREATED, { dispatchId: ctx.dispatchId, deliveryIds: [ctx.id] } satisfies DeliveriesCreatedEvent);
    return { messages: ctx.messages };
  }
}
