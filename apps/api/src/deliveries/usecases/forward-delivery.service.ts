import { conflict, invalid, outOfScope } from '@app/common';
import { RecipientPurpose } from '@app/database';
import {
  DeliveryAction,
  DELIVERY_TRANSITIONS,
  DeliveryRepository,
  DeliveryWriter,
  RecipientUnitRepository,
  requireTransition,
} from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DeliveryAccess, DeliveryContext } from '../../access/delivery-access.service.js';
import { AuditService, auditActor } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/actor.js';
import { escapeLike } from '../../access/access.service.js';
import { DELIVERIES_CREATED, type DeliveriesCreatedEvent } from '../../dispatches/events.js';
import { ForwardDto } from '../dto/delivery-actions.dto.js';

/**
 * "Triển khai": a recipient passes the dispatch to units of its own subtree, with its own
 * instruction and deadlines no later than its own. Child deliveries go through the same outbox.
 */
@Injectable()
export class ForwardDeliveryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly deliveries: DeliveryAccess,
    private readonly writer: DeliveryWriter,
    private readonly repository: DeliveryRepository,
    private readonly units: RecipientUnitRepository,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  async forward(actor: Actor, deliveryId: string, dto: ForwardDto, ip: string | null) {
    if (dto.targets.length === 0) throw invalid('Hãy chọn ít nhất một đơn vị hoặc nhóm đơn vị cấp dưới để chuyển tiếp.');
    const result = await this.db.transaction(async (em) => {
      const ctx = await this.deliveries.requireOwn(actor, deliveryId, em, true);
      requireTransition(DeliveryAction.Forward, ctx);
      const deadlines = childDeadlines(ctx, dto);
      const targets = await this.resolveTargets(em, ctx, dto);
      if (targets.length === 0) throw invalid('Các nhóm đã chọn không có đơn vị nào thuộc quyền của đơn vị bạn.');
      const explicit = dto.targets.flatMap((t) => (t.unitId ? [t.unitId] : []));
      if (explicit.length) {
        const already = await this.repository.unitsAlreadyReceiving(em, ctx.dispatchId, explicit);
        if (already.length) throw conflict(`Công văn này đã được gửi tới: ${already.join(', ')}. Không chuyển lần thứ hai.`);
      }
      const written = await this.writer.write(
        em,
        targets.map((unitId) => ({ unitId, purpose: RecipientPurpose.Action })),
        {
          dispatchId: ctx.dispatchId,
          parentDeliveryId: ctx.id,
          instruction: dto.instruction ?? null,
          ...deadlines,
        },
      );
      if (written.deliveryIds.length === 0) throw conflict('Công văn đã được chuyển tới tất cả các đơn vị đã chọn rồi.');
      await this.repository.markForwarded(em, ctx.id);
      await this.audit.record(em, auditActor(actor, ip), {
        action: DELIVERY_TRANSITIONS[DeliveryAction.Forward].auditAction,
        entityType: 'delivery',
        entityId: ctx.id,
        dispatchId: ctx.dispatchId,
        before: { status: ctx.status },
        after: {
          children: written.deliveryIds.length,
          skippedExisting: written.skippedExisting,
          instruction: dto.instruction ?? null,
          ...deadlines,
        },
      });
      return {
        dispatchId: ctx.dispatchId,
        forwarded: written.deliveryIds.length,
        alreadyReceiving: written.skippedExisting,
        messages: written.messages,
        deliveryIds: written.deliveryIds,
      };
    });
    this.events.emit(DELIVERIES_CREATED, {
      dispatchId: result.dispatchId,
      deliveryIds: result.deliveryIds,
    } satisfies DeliveriesCreatedEvent);
    const { deliveryIds: _ids, ...summary } = result;
    return summary;
  }

  /** Units strictly below the forwarding unit: the ones named, plus the members of each group. */
  private async resolveTargets(em: EntityManager, ctx: DeliveryContext, dto: ForwardDto): Promise<string[]> {
    const ids = dto.targets.flatMap((t) => (t.unitId ? [t.unitId] : []));
    const groups = dto.targets.flatMap((t) => (t.group ? [t.group] : []));
    const rows = await this.units.forwardTargets(em, {
      subtreeLike: `${escapeLike(ctx.unitPath)}%`,
      forwardingUnitId: ctx.unitId,
      unitIds: ids,
      groups,
      dispatchId: ctx.dispatchId,
    });
    const found = new Set(rows.filter((r) => r.named).map((r) => r.id));
    const outside = ids.filter((id) => !found.has(id));
    if (outside.length) {
      const names = await this.units.names(em, outside);
      throw outOfScope(
        `Chỉ chuyển tiếp được cho đơn vị cấp dưới đang hoạt động của ${ctx.unitName}; không thuộc quyền: ${names.join(', ') || outside.join(', ')}.`,
      );
    }
    return rows.map((r) => r.id);
  }
}

/** A child's deadlines default to the parent's and may not be later. */
function childDeadlines(ctx: DeliveryContext, dto: ForwardDto) {
  const pick = (own: Date | null, asked: string | undefined, label: string): Date | null => {
    if (!asked) return own;
    const d = new Date(asked);
    if (own && d > new Date(own)) {
      const fmt = new Date(own).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
      throw invalid(`${label} cho cấp dưới không được muộn hơn hạn của đơn vị mình (${fmt}).`);
    }
    return d;
  };
  return {
    ackDueAt: pick(ctx.ackDueAt, dto.ackDueAt, 'Hạn xác nhận'),
    forwardDueAt: pick(ctx.forwardDueAt, dto.forwardDueAt, 'Hạn chuyển tiếp'),
    reportDueAt: pick(ctx.reportDueAt, dto.reportDueAt, 'Hạn báo cáo'),
  };
}
