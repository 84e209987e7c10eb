import { forbidden, Page } from '@app/common';
import { AuditEvent } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, hasGlobalScope } from '../auth/actor.js';
import { DispatchAccess } from '../dispatches/dispatch-access.service.js';
import type { AuditQuery } from './dto/audit.query.js';

/** Admins read every event; issuers and leaders read the events of dispatches their branch issued. */
@Injectable()
export class AuditReader {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly dispatches: DispatchAccess,
  ) {}

  async list(actor: Actor, query: AuditQuery): Promise<Page<AuditEvent>> {
    if (!hasGlobalScope(actor)) {
      if (!query.dispatchId)
        throw forbidden('Hãy chọn công văn (dispatchId): bạn chỉ xem được nhật ký của công văn do đơn vị mình ban hành.');
      await this.dispatches.requireManageable(actor, query.dispatchId);
    }
    const qb = this.db.getRepository(AuditEvent).createQueryBuilder('e').orderBy('e.id', 'ASC').skip(query.offset).take(query.limit);
    if (query.dispatchId) qb.andWhere('e.dispatch_id = :d', { d: query.dispatchId });
    if (query.entityId) qb.andWhere('e.entity_id = :e', { e: query.entityId });
    if (query.entityType) qb.andWhere('e.entity_type = :t', { t: query.entityType });
    if (query.actorUserId) qb.andWhere('e.actor_user_id = :a', { a: query.actorUserId });
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    const [items, total] = await qb.getManyAndCount();
    return { items, total, page: query.page, limit: query.limit };
  }
}
