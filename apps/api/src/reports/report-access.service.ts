import { outOfScope } from '@app/common';
import { DeliveryRepository } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import type { Actor } from '../auth/actor.js';
import { DispatchAccess } from '../access/dispatch-access.service.js';

/**
 * Which part of a dispatch's report an actor may read: all of it for the issuing branch (and the
 * leaders above it); otherwise only the deliveries in the actor's own subtree.
 */
@Injectable()
export class ReportAccess {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly dispatches: DispatchAccess,
    private readonly access: AccessService,
    private readonly deliveries: DeliveryRepository,
  ) {}

  /** The unit-path prefix to restrict to, or undefined for the whole dispatch. */
  async scopeFor(actor: Actor, dispatchId: string): Promise<string | undefined> {
    const { issuer } = await this.dispatches.requireViewable(actor, dispatchId);
    if (this.access.covers(actor, issuer.path)) return undefined;
    if (!(await this.deliveries.reachesSubtree(this.db, dispatchId, actor.unitPath)))
      throw outOfScope('Đơn vị của bạn không có phần nào trong công văn này.');
    return actor.unitPath;
  }
}
