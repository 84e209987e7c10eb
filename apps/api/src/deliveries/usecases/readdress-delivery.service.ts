import {
  DeliveryAction,
  DELIVERY_TRANSITIONS,
  DeliveryRepository,
  DeliveryWriter,
  DispatchRepository,
  requireTransition,
} from '@app/rollout';
import { conflict, fail } from '@app/common';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, auditActor } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/actor.js';
import { DispatchAccess } from '../../access/dispatch-access.service.js';
import { DELIVERIES_CREATED, type DeliveriesCreatedEvent } from '../../dispatches/events.js';
import { RecipientResolver } from '../../dispatches/recipients/recipient-resolver.js';
import { DeliveryAccess } from '../../access/delivery-access.service.js';
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
    private readonly repository: DeliveryRepository,
    private readonly dispatchRepository: DispatchRepository,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  async readdress(actor: Actor, dispatchId: string, deliveryId: string, unitId: string, ip: string | null) {
    const { issuer } = await this.dispatches.requireManageable(actor, dispatchId);
    const result = await this.db.transaction(async (em) => {
      await requireDispatchInForce(this.dispatchRepository, em, dispatchId, 'readdress');
      const ctx = await this.deliveries.load(deliveryId, em, true);
      if (ctx.dispatchId !== dispatchId) throw conflict('Lượt gửi này không thuộc công văn đã chọn.');
      requireTransition(DeliveryAction.Readdress, ctx);
      const row = await this.repository.refused(em, deliveryId);
      if (row.refusalResolvedAt) throw fail('REFUSAL_ALREADY_RESOLVED');
      const [target] = await this.resolver.resolve(em, issuer, [{ purpose: row.purpose, unitId }]);
      const written = await this.writer.write(em, [target], {
        dispatchId,
        parentDeliveryId: row.parentDeliveryId,
        instruction: row.instruction,
        ackDueAt: row.ackDueAt,
        forwardDueAt: row.forwardDueAt,
        reportDueAt: row.reportDueAt,
      });
      if (written.deliveryIds.length === 0) throw conflict('Đơn vị được chọn đã nhận công văn này rồi.');
      const newId = written.deliveryIds[0];
      await this.repository.resolveRefusal(em, deliveryId, newId);
      await this.audit.record(em, auditActor(actor, ip), {
        action: DELIVERY_TRANSITIONS[DeliveryAction.Readdress].auditAction,
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
