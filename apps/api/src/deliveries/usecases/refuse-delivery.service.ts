import { conflict } from '@app/common';
import { DeliveryStatus } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditActor, AuditService, auditActor } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/actor.js';
import type { ClientInfo } from '../../auth/client-info.decorator.js';
import type { RefuseDto } from '../dto/delivery-actions.dto.js';
import { DeliveryAccess } from '../delivery-access.service.js';
import { requireDispatchInForce } from '../dispatch-in-force.js';

/** "02 từ chối tiếp nhận": wrong addressee, with a mandatory reason the issuer sees. */
@Injectable()
export class RefuseDeliveryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly deliveries: DeliveryAccess,
    private readonly audit: AuditService,
  ) {}

  async byUser(actor: Actor, deliveryId: string, dto: RefuseDto, client: ClientInfo) {
    await this.deliveries.requireOwn(actor, deliveryId);
    return this.refuse(deliveryId, dto.reason, { ...auditActor(actor, client.ip), name: dto.name ?? actor.fullName });
  }

  async byLink(deliveryId: string, dto: RefuseDto, client: ClientInfo) {
    const ctx = await this.deliveries.load(deliveryId);
    const name = dto.name ?? `Người nhận qua liên kết e-mail (${ctx.unitName})`;
    return this.refuse(deliveryId, dto.reason, { userId: null, name, unitId: ctx.unitId, ip: client.ip });
  }

  async refuse(deliveryId: string, reason: string, who: AuditActor & { name: string }) {
    return this.db.transaction(async (em) => {
      const { dispatchId: ofDispatch } = await this.deliveries.load(deliveryId, em);
      await requireDispatchInForce(em, ofDispatch, 'refuse');
      // TypeORM answers an UPDATE ... RETURNING with [rows, affectedCount].
      const [[won]] = await em.query(
        `UPDATE deliveries SET status = 'refused', refused_at = now(), refusal_reason = $2, refused_by_name = $3,
                arrived_at = COALESCE(arrived_at, now())
          WHERE id = $1 AND acknowledged_at IS NULL AND status IN ('pending', 'sent', 'arrived')
          RETURNING id, status, refused_at AS "refusedAt", refusal_reason AS "reason", refused_by_name AS "byName", dispatch_id AS "dispatchId"`,
        [deliveryId, reason, who.name],
      );
      if (won) {
        const { dispatchId, ...refusal } = won;
        await this.audit.record(em, who, {
          action: 'delivery.refused',
          entityType: 'delivery',
          entityId: deliveryId,
          dispatchId,
          after: refusal,
        });
        return { ...refusal, created: true };
      }
      const ctx = await this.deliveries.load(deliveryId, em);
      if (ctx.status !== DeliveryStatus.Refused) {
        throw conflict('Đơn vị đã xác nhận tiếp nhận công văn này nên không thể từ chối nữa. Nếu nhận nhầm, hãy báo đơn vị ban hành.');
      }
      const [existing] = await em.query(
        `SELECT id, status, refused_at AS "refusedAt", refusal_reason AS "reason", refused_by_name AS "byName" FROM deliveries WHERE id = $1`,
        [deliveryId],
      );
      return { ...existing, created: false };
    });
  }
}
