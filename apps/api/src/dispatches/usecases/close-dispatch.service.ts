import { conflict } from '@app/common';
import { DispatchStatus } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, auditActor } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/actor.js';
import { DispatchAccess } from '../dispatch-access.service.js';

/** Published -> closed: the rollout is over; nothing more is acknowledged, forwarded or reported. */
@Injectable()
export class CloseDispatchService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: DispatchAccess,
    private readonly audit: AuditService,
  ) {}

  async close(actor: Actor, dispatchId: string, ip: string | null): Promise<{ id: string; status: DispatchStatus }> {
    await this.access.requireManageable(actor, dispatchId);
    return this.db.transaction(async (em) => {
      const [row] = await em.query(`SELECT status FROM dispatches WHERE id = $1 FOR UPDATE`, [dispatchId]);
      if (row.status === DispatchStatus.Closed) return { id: dispatchId, status: DispatchStatus.Closed };
      if (row.status !== DispatchStatus.Published) throw conflict('Chỉ kết thúc được công văn đang ban hành.');
      await em.query(`UPDATE dispatches SET status = 'closed', updated_at = now() WHERE id = $1`, [dispatchId]);
      await this.audit.record(em, auditActor(actor, ip), {
        action: 'dispatch.closed',
        entityType: 'dispatch',
        entityId: dispatchId,
        dispatchId,
        before: { status: row.status },
        after: { status: DispatchStatus.Closed },
      });
      return { id: dispatchId, status: DispatchStatus.Closed };
    });
  }
}
