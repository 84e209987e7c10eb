import { forbidden, notFound, outOfScope } from '@app/common';
import { DeliveryStatus, DispatchStatus, Role } from '@app/database';
import { LEADERSHIP_BODY_SUFFIX } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { Actor, hasGlobalScope } from '../auth/actor.js';

/** The facts every recipient-side operation needs about a delivery, read in one query. */
export interface DeliveryContext {
  id: string;
  dispatchId: string;
  unitId: string;
  unitName: string;
  unitPath: string;
  unitCode: string;
  parentDeliveryId: string | null;
  status: DeliveryStatus;
  purpose: string;
  acknowledgedAt: Date | null;
  ackDueAt: Date | null;
  forwardDueAt: Date | null;
  reportDueAt: Date | null;
  dispatchStatus: DispatchStatus;
  dispatchIssuedDate: string;
  issuerUnitPath: string;
}

const CONTEXT_SQL = `
  SELECT d.id, d.dispatch_id AS "dispatchId", d.unit_id AS "unitId", u.name AS "unitName", u.path AS "unitPath", u.code AS "unitCode",
         d.parent_delivery_id AS "parentDeliveryId", d.status, d.purpose, d.acknowledged_at AS "acknowledgedAt",
         d.ack_due_at AS "ackDueAt", d.forward_due_at AS "forwardDueAt", d.report_due_at AS "reportDueAt",
         x.status AS "dispatchStatus", to_char(x.issued_date, 'YYYY-MM-DD') AS "dispatchIssuedDate", iu.path AS "issuerUnitPath"
    FROM deliveries d
    JOIN units u ON u.id = d.unit_id
    JOIN dispatches x ON x.id = d.dispatch_id
    JOIN units iu ON iu.id = x.issuer_unit_id
   WHERE d.id = $1`;

/**
 * Who may act on a delivery. Acting for the unit (acknowledge, refuse, forward, report) belongs to
 * the unit's own users; a proxy entry to the issuer's branch or the units above the recipient;
 * reading to all of those.
 */
@Injectable()
export class DeliveryAccess {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  async load(deliveryId: string, em: EntityManager = this.db.manager, lock = false): Promise<DeliveryContext> {
    const [row] = await em.query(lock ? `${CONTEXT_SQL} FOR UPDATE OF d` : CONTEXT_SQL, [deliveryId]);
    if (!row) throw notFound(`Không tìm thấy lượt nhận công văn ${deliveryId}.`);
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
