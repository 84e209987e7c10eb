import { fail, forbidden, outOfScope } from '@app/common';
import { Role } from '@app/database';
import { DeliveryRepository, LEADERSHIP_BODY_SUFFIX, type DeliveryContext } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, hasGlobalScope } from '../auth/actor.js';
import { AccessService } from './access.service.js';

export type { DeliveryContext };

/**
 * Who may act on a delivery. Acting for the unit (acknowledge, refuse, forward, report) belongs to
 * the unit's own users; a proxy entry to the issuer's branch or the units above the recipient;
 * reading to all of those. Provided once, by the global AccessModule.
 */
@Injectable()
export class DeliveryAccess {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly repository: DeliveryRepository,
  ) {}

  async load(deliveryId: string, em: EntityManager = this.db.manager, lock = false): Promise<DeliveryContext> {
    const row = await this.repository.context(em, deliveryId, lock);
    if (!row) throw fail('DELIVERY_NOT_FOUND', { id: deliveryId });
    return row;
  }

  /** The actor acts for the recipient unit itself. */
  async requireOwn(actor: Actor, deliveryId: string, em?: EntityManager, lock = false): Promise<DeliveryContext> {
    const ctx = await this.load(deliveryId, em, lock);
    if (ctx.unitId !== actor.unitId && !hasGlobalScope(actor) && !isLeadershipBodyOf(actor, ctx)) {
      throw forbidden(`Chỉ cán bộ của ${ctx.unitName} mới được thao tác trên công văn gửi đơn vị đó.`);
    }
    return ctx;
  }

  /** The actor may record on behalf of the unit: issuer's branch, or a unit above the recipient. */
  async requireProxy(actor: Actor, deliveryId: string, em?: EntityManager, lock = false): Promise<DeliveryContext> {
    const ctx = await this.load(deliveryId, em, lock);
    const issuerSide = [Role.Issuer, Role.Leader, Role.Admin].includes(actor.role) && this.access.covers(actor, ctx.issuerUnitPath);
    const above = ctx.unitPath.startsWith(actor.unitPath) && ctx.unitId !== actor.unitId;
    if (!issuerSide && !above && !hasGlobalScope(actor)) {
      throw outOfScope('Chỉ đơn vị ban hành hoặc đơn vị cấp trên của đơn vị nhận mới được ghi nhận thay.');
    }
    return ctx;
  }

  /** Reading: the unit and those above it, and the issuer's branch. */
  async requireVisible(actor: Actor, deliveryId: string): Promise<DeliveryContext> {
    const ctx = await this.load(deliveryId);
    if (this.access.covers(actor, ctx.unitPath) || this.access.covers(actor, ctx.issuerUnitPath)) return ctx;
    throw outOfScope('Lượt nhận công văn này thuộc đơn vị ngoài phạm vi của bạn.');
  }
}

/** See LEADERSHIP_BODY_SUFFIX (libs/rollout): leaders read their Ban Giám đốc's inbox and act for it. */
export { LEADERSHIP_BODY_SUFFIX };

export function isLeadershipBodyOf(actor: Actor, unit: { unitId: string; unitPath: string; unitCode: string }): boolean {
  return (
    actor.role === Role.Leader && unit.unitPath === `${actor.unitPath}${unit.unitId}.` && unit.unitCode.endsWith(LEADERSHIP_BODY_SUFFIX)
  );
}
