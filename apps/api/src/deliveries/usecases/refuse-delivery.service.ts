import { DeliveryAction, DELIVERY_TRANSITIONS, DeliveryRepository, DispatchRepository, requireTransition } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DeliveryAccess } from '../../access/delivery-access.service.js';
import { AuditActor, AuditService, auditActor } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/actor.js';
import type { ClientInfo } from '../../auth/client-info.decorator.js';
import type { RefuseDto } from '../dto/delivery-actions.dto.js';
import { requireDispatchInForce } from '../dispatch-in-force.js';

/** "02 từ chối tiếp nhận": wrong addressee, with a mandatory reason the issuer sees. */
@Injectable()
export class RefuseDeliveryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly deliveries: DeliveryAccess,
    private readonly repository: DeliveryRepository,
    private readonly dispatches: DispatchRepository,
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
      await requireDispatchInForce(this.dispatches, em, ofDispatch, 'refuse');
      const won = await this.repository.refuse(em, deliveryId, reason, who.name);
      if (won) {
        const { dispatchId, ...refusal } = won;
        await this.audit.record(em, who, {
          action: DELIVERY_TRANSITIONS[DeliveryAction.Refuse].auditAction,
          entityType: 'delivery',
          entityId: deliveryId,
          dispatchId,
          after: refusal,
        });
        return { ...refusal, created: true };
      }
      // Lost the race or came late: the table says why (acknowledged, dispatch closed) or it was a repeat.
      requireTransition(DeliveryAction.Refuse, await this.deliveries.load(deliveryId, em));
      const existing = await this.repository.refusalOf(em, deliveryId);
      return { ...existing, created: false };
    });
  }
}
