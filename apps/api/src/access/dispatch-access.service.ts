import { notFound, outOfScope, forbidden } from '@app/common';
import { Dispatch, Role, Unit } from '@app/database';
import { DeliveryRepository, DispatchRepository } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from './access.service.js';
import { Actor, hasGlobalScope } from '../auth/actor.js';

export interface DispatchWithIssuer {
  dispatch: Dispatch;
  issuer: Unit;
}

const MANAGING_ROLES = [Role.Admin, Role.Issuer, Role.Leader];

/**
 * Who may see and manage a dispatch. Managing (edit, publish, resend, add recipients) is for
 * issuers and leaders of the issuing unit's branch; seeing is also open to any unit that received it
 * (or whose subtree did).
 */
@Injectable()
export class DispatchAccess {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly dispatches: DispatchRepository,
    private readonly deliveries: DeliveryRepository,
  ) {}

  async requireManageable(actor: Actor, dispatchId: string): Promise<DispatchWithIssuer> {
    const found = await this.load(dispatchId);
    if (!MANAGING_ROLES.includes(actor.role))
      throw forbidden('Chỉ cán bộ soạn/ban hành hoặc lãnh đạo đơn vị ban hành được thao tác trên công văn này.');
    if (!this.access.covers(actor, found.issuer.path)) throw outOfScope('Công văn này do đơn vị ngoài phạm vi của bạn ban hành.');
    return found;
  }

  async requireViewable(actor: Actor, dispatchId: string): Promise<DispatchWithIssuer> {
    const found = await this.load(dispatchId);
    if (this.access.covers(actor, found.issuer.path)) return found;
    if (!hasGlobalScope(actor) && (await this.deliveries.reachesSubtree(this.db, dispatchId, actor.unitPath))) return found;
    throw outOfScope('Đơn vị của bạn không nhận công văn này.');
  }

  /** The unit a new dispatch is issued by: the actor's own, or one below it. */
  async requireIssuerUnit(actor: Actor, issuerUnitId: string | undefined): Promise<Unit> {
    return this.access.requireUnit(actor, issuerUnitId ?? actor.unitId);
  }

  private async load(dispatchId: string): Promise<DispatchWithIssuer> {
    const found = await this.dispatches.withIssuer(this.db, dispatchId);
    if (!found) throw notFound(`Không tìm thấy công văn ${dispatchId}.`);
    return found;
  }
}
