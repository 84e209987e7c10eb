import { DispatchStatus } from '@app/database';
import { DispatchAction, DISPATCH_TRANSITIONS, DispatchRepository } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, auditActor } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/actor.js';
import { DispatchAccess } from '../../access/dispatch-access.service.js';
import type { DispatchStateDto } from '../dto/dispatch-responses.dto.js';

/** Published -> closed: the rollout is over; nothing more is acknowledged, forwarded or reported. */
@Injectable()
export class CloseDispatchService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: DispatchAccess,
    private readonly audit: AuditService,
    private readonly dispatches: DispatchRepository,
  ) {}

  async close(actor: Actor, dispatchId: string, ip: string | null): Promise<DispatchStateDto> {
    await this.access.requireManageable(actor, dispatchId);
    return this.db.transaction(async (em) => {
      const { decision, from } = await this.dispatches.require(em, dispatchId, DispatchAction.Close);
      if (decision === 'keep') return { id: dispatchId, status: from };
      await this.dispatches.apply(em, dispatchId, DispatchAction.Close);
      await this.audit.record(em, auditActor(actor, ip), {
        action: DISPATCH_TRANSITIONS[DispatchAction.Close].auditAction,
        entityType: 'dispatch',
        entityId: dispatchId,
        dispatchId,
        before: { status: from },
        after: { status: DispatchStatus.Closed },
      });
      return { id: dispatchId, status: DispatchStatus.Closed };
    });
  }
}
