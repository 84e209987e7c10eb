import { conflict } from '@app/common';
import { DeliveryStatus } from '@app/database';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, auditActor } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/actor.js';
import { DeliveryWriter } from '../../dispatches/deliveries/delivery-writer.js';
import { DispatchAccess } from '../../dispatches/dispatch-access.service.js';
import { DELIVERIES_CREATED, type DeliveriesCreatedEvent } from '../../dispatches/events.js';
import { RecipientResolver } from '../../dispatches/recipients/recipient-resolver.js';
import { DeliveryAccess } from '../delivery-access.service.js';
import { requireDispatchInForce } from '../dispatch-in-force.js';

/** The issuer resolves a refusal by sending the dispatch to the right unit instead. */
@Injectable()
export class ReaddressDeliveryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly dispatches: DispatchAccess,
    private readonly deliveries: DeliveryAccess,
    private readonly resolver: RecipientResolver,
    private readonly writer: DeliveryWriter,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  async readdress(actor: Actor, dispatchId: string, deliveryId: string, unitId: string, ip: string | null) {
    const { issuer } = await this.dispatches.requireManageable(actor, dispatchId);
    const result = await this.db.transaction(async (em) => {
      await requireDispatchInForce(em, dispatchId, 'readdress');
      const ctx = await this.deliveries.load(deliveryId, em, true);
      if (ctx.dispatchId !== dispatchId) throw conflict('Lượt gửi này không thuộc công văn đã chọn.');
      if (ctx.status !== DeliveryStatus.Refused) throw conflict('Chỉ chuyển lại nơi nhận cho lượt gửi đã bị từ chối.');
      const [row] = await em.query(
        `SELECT refusal_resolved_at, purpose, parent_delivery_id, instruction, ack_due_at, forward_due_at, report_due_at FROM deliveries WHERE id = $1`,
        [deliveryId],
      );
      if (row.refusal_resolved_at) throw conflict('Lượt từ chối này đã được xử lý rồi.');
      const [target] = await this.resolver.resolve(em, issuer, [{ purpose: row.purpose, unitId }]);
      const written = await this.writer.write(em, [target], {
        dispatchId,
        parentDeliveryId: row.parent_delivery_id,
        instruction: row.instruction,
        ackDueAt: row.ack_due_at,
        forwardDueAt: row.forward_due_at,
        reportDueAt: row.report_due_at,
      });
      if (written.deliveryIds.length === 0) throw conflict('Đơn vị được chọn đã nhận công văn này rồi.');
      const newId = written.deliveryIds[0];
      await em.query(`UPDATE deliveries SET refusal_resolved_at = now(), readdressed_to_id = $2 WHERE id = $1`, [deliveryId, newId]);
      await this.audit.record(em, auditActor(actor, ip), {
        action: 'delivery.readdressed',
        entityType: 'delivery',
        entityId: deliveryId,
        dispatchId,
        after: { readdressedToDeliveryId: newId, unitId },
      });
      return { deliveryId: newId, messages: written.messages };
    });
    this.events.emit(DELIVERIES_CREATED, { dispatchId, deliveryIds: [result.deliveryId] } satisfies DeliveriesCreatedEvent);
    return result;
  }
}
