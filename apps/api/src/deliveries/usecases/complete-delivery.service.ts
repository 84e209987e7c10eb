import { conflict } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, auditActor } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/actor.js';
import { DeliveryAccess } from '../delivery-access.service.js';
import { requireDispatchInForce } from '../dispatch-in-force.js';

/** "06 hoàn thành": the unit declares its part done. Idempotent. */
@Injectable()
export class CompleteDeliveryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly deliveries: DeliveryAccess,
    private readonly audit: AuditService,
  ) {}

  async complete(actor: Actor, deliveryId: string, ip: string | null) {
    return this.db.transaction(async (em) => {
      const ctx = await this.deliveries.requireOwn(actor, deliveryId, em, true);
      await requireDispatchInForce(em, ctx.dispatchId, 'complete');
      if (ctx.status === 'completed') return { id: ctx.id, status: ctx.status, created: false };
      if (!['accepted', 'assigned', 'in_progress'].includes(ctx.status))
        throw conflict('Hãy xác nhận đã nhận công văn trước khi báo hoàn thành.');
      await em.query(`UPDATE deliveries SET status = 'completed', completed_at = now() WHERE id = $1`, [ctx.id]);
      await this.audit.record(em, auditActor(actor, ip), {
        action: 'delivery.completed',
        entityType: 'delivery',
        entityId: ctx.id,
        dispatchId: ctx.dispatchId,
        before: { status: ctx.status },
        after: { status: 'completed' },
      });
      return { id: ctx.id, status: 'completed', created: true };
    });
  }
}
