import { forbidden, Page } from '@app/common';
import { AuditEvent, Role, Unit } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { Actor, hasGlobalScope } from '../auth/actor.js';
import { DispatchAccess } from '../access/dispatch-access.service.js';
import type { AuditQuery } from './dto/audit.query.js';

/**
 * Installation admins read every event. Issuers and leaders read the events of a dispatch their
 * branch issued (dispatchId). Without a dispatch, leaders and provincial admins read what the people
 * of their scope did (events whose actor's unit lies in it): account, unit and dispatch changes.
 */
@Injectable()
export class AuditReader {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly dispatches: DispatchAccess,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, query: AuditQuery): Promise<Page<AuditEvent>> {
    const qb = this.db.getRepository(AuditEvent).createQueryBuilder('e').orderBy('e.id', 'ASC').skip(query.offset).take(query.limit);
    if (!hasGlobalScope(actor)) {
      if (query.dispatchId) {
        await this.dispatches.requireManageable(actor, query.dispatchId);
      } else if (actor.role === Role.Leader || actor.role === Role.Admin) {
        qb.innerJoin(Unit, 'au', 'au.id = e.actor_unit_id');
        this.access.scopeUnits(qb, actor, 'au');
      } else {
        throw forbidden('Hãy chọn công văn (dispatchId): bạn chỉ xem được nhật ký của công văn do đơn vị mình ban hành.');
      }
    }
    if (query.dispatchId) qb.andWhere('e.dispatch_id = :d', { d: query.dispatchId });
    if (query.entityId) qb.andWhere('e.entity_id = :e', { e: query.entityId });
    if (query.entityType) qb.andWhere('e.entity_type = :t', { t: query.entityType });
    if (query.actorUserId) qb.andWhere('e.actor_user_id = :a', { a: query.actorUserId });
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    const [items, total] = await qb.getManyAndCount();
    return { items, total, page: query.page, limit: query.limit };
  }
}
