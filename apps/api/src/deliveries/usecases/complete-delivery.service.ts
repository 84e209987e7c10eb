import { DeliveryStatus } from '@app/database';
import { DeliveryAction, DELIVERY_TRANSITIONS, DeliveryRepository, DispatchRepository, requireTransition } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DeliveryAccess } from '../../access/delivery-access.service.js';
import { AuditService, auditActor } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/actor.js';
import { requireDispatchInForce } from '../dispatch-in-force.js';

/** "06 hoàn thành": the unit declares its part done. Idempotent. */
@Injectable()
export class CompleteDeliveryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly deliveries: DeliveryAccess,
    private readonly repository: DeliveryRepository,
    private readonly dispatches: DispatchRepository,
    private readonly audit: AuditService,
  ) {}

  async complete(actor: Actor, deliveryId: string, ip: string | null) {
    return this.db.transaction(async (em) => {
      const ctx = await this.deliveries.requireOwn(actor, deliveryId, em, true);
      await requireDispatchInForce(this.dispatches, em, ctx.dispatchId, 'complete');
      if (requireTransition(DeliveryAction.Complete, ctx) === 'keep') return { id: ctx.id, status: ctx.status, created: false };
      await this.repository.complete(em, ctx.id);
      await this.audit.record(em, auditActor(actor, ip), {
        action: DELIVERY_TRANSITIONS[DeliveryAction.Complete].auditAction,
        entityType: 'delivery',
        entityId: ctx.id,
        dispatchId: ctx.dispatchId,
        before: { status: ctx.status },
        after: { status: DeliveryStatus.Completed },
      });
      return { id: ctx.id, status: DeliveryStatus.Completed, created: true };
    });
  }
}
